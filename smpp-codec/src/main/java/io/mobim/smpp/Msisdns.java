package io.mobim.smpp;

import io.mobim.events.Msisdn;
import io.mobim.events.sms.SmsAddresses;
import org.jsmpp.bean.TypeOfNumber;

/** Conversions between SMPP addresses (TON + digits) and the E.164 form the events carry ({@link io.mobim.events.Msisdn}). */
public final class Msisdns {

    private Msisdns() {
    }

    /**
     * The E.164 form of an SMPP address: {@code 447700900001} with TON international (or any all-digit
     * address of 7 to 15 digits that is not a short code) becomes {@code +447700900001}; a short code
     * stays as it is.
     */
    public static String toE164(String addr, byte ton) {
        if (addr == null || addr.isEmpty()) {
            return addr;
        }
        if (addr.startsWith("+")) {
            return addr;
        }
        if (allDigits(addr) && (ton == TypeOfNumber.INTERNATIONAL.value() || addr.length() >= 9 && addr.length() <= 15)) {
            return "+" + addr;
        }
        return addr;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Normalises a number the way {@link #toE164} does, for look-ups by a person or a test. */
    public static String normalise(String msisdn) {
        return toE164(msisdn == null ? null : msisdn.trim(), TypeOfNumber.UNKNOWN.value());
    }

    /** The SMPP digits of an E.164 number (no {@code +}), for TON international. */
    public static String toSmpp(String e164) {
        return e164.startsWith("+") ? e164.substring(1) : e164;
    }
}
