package io.mobim.platform.subscribers;

import java.util.Objects;

/**
 * A subscriber's number in E.164 form ({@code +447700900001}). Built only through {@link #of} (strict) or
 * {@link #parse} (what people type), so that every number in the platform is normalised the same way.
 * {@link #toString()} is masked because numbers end up in logs; {@link #value()} is the number itself.
 */
public record Msisdn(String value) implements Comparable<Msisdn> {

    public Msisdn {
        Objects.requireNonNull(value, "msisdn");
        if (!isE164(value)) {
            throw new InvalidMsisdn(value);
        }
    }

    /** A number already in E.164 form with its '+'. */
    public static Msisdn of(String e164) {
        return new Msisdn(e164);
    }

    /**
     * A number as a person types it: spaces, dots, dashes and brackets are ignored; {@code 00} is the
     * international prefix; a leading {@code 0} is a national number in {@code defaultCountryCode}.
     */
    public static Msisdn parse(String typed, String defaultCountryCode) {
        if (typed == null) {
            throw new InvalidMsisdn("");
        }
        StringBuilder digits = new StringBuilder(typed.length());
        boolean plus = false;
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && digits.isEmpty() && !plus) {
                plus = true;
            } else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')') {
                throw new InvalidMsisdn(typed);
            }
        }
        String d = digits.toString();
        String e164;
        if (plus) {
            e164 = "+" + d;
        } else if (d.startsWith("00")) {
            e164 = "+" + d.substring(2);
        } else if (d.startsWith("0") && defaultCountryCode != null) {
            e164 = "+" + defaultCountryCode + d.substring(1);
        } else {
            e164 = "+" + d;
        }
        return new Msisdn(e164);
    }

    static boolean isE164(String s) {
        int n = s.length();
        if (n < 8 || n > 16 || s.charAt(0) != '+' || s.charAt(1) < '1' || s.charAt(1) > '9') {
            return false;
        }
        for (int i = 2; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The number with its middle hidden, for logs: {@code +4477009***01}. */
    public String masked() {
        return mask(value);
    }

    /** Masks any E.164 string the same way {@link #masked()} does. */
    public static String mask(String e164) {
        if (e164 == null || e164.length() < 8) {
            return "***";
        }
        return e164.substring(0, e164.length() - 5) + "***" + e164.substring(e164.length() - 2);
    }

    @Override
    public int compareTo(Msisdn o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return masked();
    }

    /** A string that is not a phone number in E.164 form. */
    public static final class InvalidMsisdn extends IllegalArgumentException {
        InvalidMsisdn(String input) {
            super("not a phone number in international form (e.g. +447700900001): '" + abbreviate(input) + "'");
        }

        private static String abbreviate(String s) {
            return s.length() > 24 ? s.substring(0, 24) + "..." : s;
        }
    }
}
