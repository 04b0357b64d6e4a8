package io.mobim.events;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A subscriber's number in E.164 form ({@code +447700900001}): the one phone-number type of the code base, and the one
 * place its rules and its masking are written. Built only through {@link #of} (strict) or {@link #parse} (what people
 * type), so that every number in the platform is normalised the same way. {@link #toString()} is masked because
 * numbers end up in logs; {@link #value()} is the number itself. Contracts that carry numbers as strings check them
 * with {@link #isE164} and log them through {@link #mask}.
 */
public record Msisdn(String value) implements Comparable<Msisdn> {

    /** The E.164 rule as a regular expression (as JSON Schemas of the contracts state it). */
    public static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

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

    /**
     * Whether {@code s} is a number in E.164 form with its {@code +}: a digit 1 to 9, then 6 to 14 digits ({@link #E164}).
     * Checked by hand rather than with the pattern: every event's constructor checks its numbers, on each producer and
     * consumer, and a {@code Matcher} per check was a tenth of what the SMS path allocates.
     */
    public static boolean isE164(String s) {
        if (s == null || s.length() < 8 || s.length() > 16 || s.charAt(0) != '+' || s.charAt(1) == '0') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
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

    /**
     * Masks a number for logs as {@link #masked()} does, keeping at most its first 8 characters and its last 2 and
     * hiding at least 3 digits; a string of 6 characters or fewer (a short code) is not a subscriber's number and is
     * shown as it is.
     */
    public static String mask(String number) {
        if (number == null) {
            return "null";
        }
        if (number.length() <= 6) {
            return number;
        }
        int head = Math.min(8, number.length() - 5);
        return number.substring(0, head) + "***" + number.substring(number.length() - 2);
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
