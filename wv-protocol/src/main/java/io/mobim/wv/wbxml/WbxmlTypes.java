package io.mobim.wv.wbxml;

import io.mobim.wv.bind.TagTable;

/**
 * Which CSP elements carry integers and date-times as WBXML {@code OPAQUE} (reference section 10.2,
 * libwbxml {@code wbxml_encode_wv_content}, AOSP {@code imps_encoder.cpp}), and the date-time
 * bit layout: 2 reserved bits, year 12, month 4, day 5, hour 5, minute 6, second 6, then one byte
 * of time zone ({@code 'Z'}).
 */
final class WbxmlTypes {

    static final boolean[] INTEGER = new boolean[TagTable.SIZE];
    static final boolean[] DATE = new boolean[TagTable.SIZE];
    /** Written as OPAQUE when the value fits: {@link #INTEGER} or {@link #DATE}. */
    static final boolean[] TYPED = new boolean[TagTable.SIZE];
    /** Integer as OPAQUE when reading only (libwbxml writes SearchID so; handsets send text). */
    static final boolean[] INTEGER_READ = new boolean[TagTable.SIZE];

    static {
        for (String n : new String[] {"Code", "ContentSize", "MessageCount", "Validity", "KeepAliveTime",
                "SearchFindings", "SearchIndex", "SearchLimit", "TimeToLive", "AcceptedCharset",
                "AcceptedContentLength", "MultiTrans", "ParserSize", "ServerPollMin", "TCPPort", "UDPPort",
                "HistoryPeriod", "MaxWatcherList"}) {
            INTEGER[TagTable.id(n)] = true;
            INTEGER_READ[TagTable.id(n)] = true;
        }
        INTEGER_READ[TagTable.id("SearchID")] = true;
        DATE[TagTable.id("DateTime")] = true;
        DATE[TagTable.id("DeliveryTime")] = true;
        for (int i = 0; i < TYPED.length; i++) {
            TYPED[i] = INTEGER[i] || DATE[i];
        }
    }

    private WbxmlTypes() {
    }

    /** Parses a non-negative decimal of up to 18 digits, or returns -1. */
    static long digits(String s) {
        int n = s.length();
        if (n == 0 || n > 18 || n > 1 && s.charAt(0) == '0') {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** The number of OPAQUE bytes of a date-time {@link #date(String)} gives. */
    static final int DATE_BYTES = 6;

    /**
     * The 6 OPAQUE bytes of {@code YYYYMMDDTHHMMSSZ} (any upper-case zone letter), first byte in the most
     * significant place of the 48 low bits, or -1 when the text has another shape (it is then sent as a string).
     */
    static long date(String s) {
        if (s.length() != 16 || s.charAt(8) != 'T') {
            return -1;
        }
        char tz = s.charAt(15);
        if (tz < 'A' || tz > 'Z') {
            return -1;
        }
        int year = num(s, 0, 4);
        int month = num(s, 4, 6);
        int day = num(s, 6, 8);
        int hour = num(s, 9, 11);
        int minute = num(s, 11, 13);
        int second = num(s, 13, 15);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return -1;
        }
        long bits = ((long) year << 26) | ((long) month << 22) | ((long) day << 17) | ((long) hour << 12)
                | ((long) minute << 6) | second;
        return bits << 8 | tz;
    }

    private static int num(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** The most bytes of the text {@link #date(byte[], int, int, byte[])} writes. */
    static final int DATE_TEXT = 16;

    /** Text of an OPAQUE date-time of 5 (no zone) or 6 bytes, or {@code null} for another length. */
    static String date(byte[] b, int off, int len) {
        byte[] t = new byte[DATE_TEXT];
        int n = date(b, off, len, t);
        return n < 0 ? null : new String(t, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * Writes the ASCII text of an OPAQUE date-time of 5 (no zone) or 6 bytes into {@code t} (room for
     * {@link #DATE_TEXT}) and gives its length, or -1 for another length.
     */
    static int date(byte[] b, int off, int len, byte[] t) {
        if (len != 5 && len != 6) {
            return -1;
        }
        long bits = 0;
        for (int i = 0; i < 5; i++) {
            bits = bits << 8 | (b[off + i] & 0xFF);
        }
        int year = (int) (bits >>> 26) & 0xFFF;
        int month = (int) (bits >>> 22) & 0xF;
        int day = (int) (bits >>> 17) & 0x1F;
        int hour = (int) (bits >>> 12) & 0x1F;
        int minute = (int) (bits >>> 6) & 0x3F;
        int second = (int) bits & 0x3F;
        // every field fits its width (the year has 12 bits): fixed-width digits, no number formatting
        digits(t, 0, year, 4);
        digits(t, 4, month, 2);
        digits(t, 6, day, 2);
        t[8] = 'T';
        digits(t, 9, hour, 2);
        digits(t, 11, minute, 2);
        digits(t, 13, second, 2);
        int n = 15;
        if (len == 6) {
            int tz = b[off + 5] & 0xFF;
            if (tz >= 'A' && tz <= 'Z') {
                t[n++] = (byte) tz;
            }
        }
        return n;
    }

    private static void digits(byte[] t, int at, int v, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            t[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
    }
}
