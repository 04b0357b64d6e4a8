package io.mobim.events.sms;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The address rules the SMS contracts share: subscribers are E.164 numbers with the {@code +}
 * ({@code +[1-9][0-9]{6,14}}); services are short codes (3 to 8 digits) or, on MT only, an alphanumeric
 * sender of up to 11 characters.
 */
public final class SmsAddresses {

    /** An E.164 subscriber number written with its leading {@code +}. */
    public static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    /** A short code: 3 to 8 digits. */
    public static final Pattern SHORT_CODE = Pattern.compile("[0-9]{3,8}");
    /** An alphanumeric sender id (TON 5): 1 to 11 printable ASCII characters, not only digits. */
    public static final Pattern ALPHANUMERIC = Pattern.compile("(?=.*[^0-9])[ -~]{1,11}");

    private SmsAddresses() {
    }

    /** Returns {@code msisdn} if it is an E.164 number, or throws {@link IllegalArgumentException} naming the field. */
    public static String requireE164(String msisdn, String field) {
        Objects.requireNonNull(msisdn, field);
        if (!E164.matcher(msisdn).matches()) {
            throw new IllegalArgumentException(field + " is not an E.164 number (+ and 7 to 15 digits)");
        }
        return msisdn;
    }

    /** Returns {@code code} if it is a short code, or throws {@link IllegalArgumentException} naming the field. */
    public static String requireShortCode(String code, String field) {
        Objects.requireNonNull(code, field);
        if (!SHORT_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(field + " is not a short code (3 to 8 digits): " + code);
        }
        return code;
    }

    /** Returns {@code sender} if it is a short code, an E.164 number or an alphanumeric sender id. */
    public static String requireSender(String sender, String field) {
        Objects.requireNonNull(sender, field);
        if (!SHORT_CODE.matcher(sender).matches() && !E164.matcher(sender).matches()
                && !ALPHANUMERIC.matcher(sender).matches()) {
            throw new IllegalArgumentException(field + " is neither a short code, an E.164 number nor an alphanumeric sender");
        }
        return sender;
    }

    /** {@code +447700900001} → {@code +4477009***01}: what logs show of a subscriber number. */
    public static String mask(String msisdn) {
        if (msisdn == null) {
            return "null";
        }
        if (msisdn.length() <= 6) {
            return msisdn;
        }
        int keepHead = Math.min(8, msisdn.length() - 4);
        return msisdn.substring(0, keepHead) + "***" + msisdn.substring(msisdn.length() - 2);
    }

    static String requireText(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " is blank");
        }
        return value;
    }

    static int requireSchemaVersion(int version, int supported, String type) {
        if (version != supported) {
            throw new IllegalArgumentException(type + " schemaVersion " + version + " is not supported (expected " + supported + ")");
        }
        return version;
    }
}
