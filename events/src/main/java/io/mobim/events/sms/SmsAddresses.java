package io.mobim.events.sms;

import io.mobim.events.Msisdn;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The address and identifier rules the SMS contracts share: subscribers are E.164 numbers with the {@code +}
 * ({@link Msisdn#isE164}); services are short codes (3 to 8 digits) or, on MT only, an alphanumeric
 * sender of up to 11 characters. Identifiers have the lengths every consumer stores: a record that breaks them
 * is unreadable (and dead-lettered) everywhere alike, instead of failing one consumer's database later.
 */
public final class SmsAddresses {

    /** A short code: 3 to 8 digits. */
    public static final Pattern SHORT_CODE = Pattern.compile("[0-9]{3,8}");
    /** An alphanumeric sender id (TON 5): 1 to 11 printable ASCII characters, not only digits. */
    public static final Pattern ALPHANUMERIC = Pattern.compile("(?=.*[^0-9])[ -~]{1,11}");

    /** Longest MO id and MT request id. */
    public static final int MAX_ID_LENGTH = 128;
    /** Longest SMS-C message id: SMPP 3.4 message_id is a C-Octet String of at most 65 octets with its NUL. */
    public static final int MAX_SMSC_MESSAGE_ID_LENGTH = 64;
    /** Longest SMS-C link id and service marker. */
    public static final int MAX_NAME_LENGTH = 64;
    /** Longest error code (an SMPP command_status such as {@code 0x00000058}, or a receipt's {@code err:}). */
    public static final int MAX_ERROR_CODE_LENGTH = 32;

    private SmsAddresses() {
    }

    /** Returns {@code msisdn} if it is an E.164 number, or throws {@link IllegalArgumentException} naming the field. */
    public static String requireE164(String msisdn, String field) {
        Objects.requireNonNull(msisdn, field);
        if (!Msisdn.isE164(msisdn)) {
            throw new IllegalArgumentException(field + " is not an E.164 number (+ and 7 to 15 digits)");
        }
        return msisdn;
    }

    /**
     * Whether {@code s} is a short code ({@link #SHORT_CODE}). By hand rather than with the pattern: every SMS event
     * checks its addresses where it is made and where it is read, and the regular-expression engine's code, shared by
     * every pattern, is costly for the JIT to compile and recompile on that path.
     */
    public static boolean isShortCode(String s) {
        if (s == null || s.length() < 3 || s.length() > 8) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Returns {@code code} if it is a short code, or throws {@link IllegalArgumentException} naming the field. */
    public static String requireShortCode(String code, String field) {
        Objects.requireNonNull(code, field);
        if (!isShortCode(code)) {
            throw new IllegalArgumentException(field + " is not a short code (3 to 8 digits): " + code);
        }
        return code;
    }

    /** Returns {@code sender} if it is a short code, an E.164 number or an alphanumeric sender id. */
    public static String requireSender(String sender, String field) {
        Objects.requireNonNull(sender, field);
        if (!isShortCode(sender) && !Msisdn.isE164(sender)
                && !ALPHANUMERIC.matcher(sender).matches()) {
            throw new IllegalArgumentException(field + " is neither a short code, an E.164 number nor an alphanumeric sender");
        }
        return sender;
    }

    static String requireText(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " is blank");
        }
        return value;
    }

    /** {@code value} is present, not blank and at most {@code max} characters long. */
    static String requireText(String value, String field, int max) {
        requireText(value, field);
        return requireAtMost(value, field, max);
    }

    /** {@code value} is null or at most {@code max} characters long. */
    static String requireAtMost(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(field + " is longer than " + max + " characters: " + value.length());
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
