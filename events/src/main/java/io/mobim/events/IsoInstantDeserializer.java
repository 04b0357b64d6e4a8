package io.mobim.events;

import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Reads an {@link Instant} written as {@link Instant#toString()} does ({@code 2026-11-02T09:15:30.250Z}: four-digit
 * year, UTC, 0–9 fraction digits) straight from the parser's characters; anything else (offsets, numbers, other
 * years, leap seconds, bad dates) goes to Jackson's own {@link InstantDeserializer}, which accepts or rejects it as
 * before. Why: {@code DateTimeFormatter} parsing was a quarter of the JSON cost of a charging event.
 */
public final class IsoInstantDeserializer extends ValueDeserializer<Instant> {

    private static final ValueDeserializer<Instant> STANDARD = InstantDeserializer.INSTANT;
    private static final int[] DAYS_BEFORE_MONTH = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            Instant fast = parseUtc(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
            if (fast != null) {
                return fast;
            }
        }
        return STANDARD.deserialize(p, ctxt);
    }

    @Override
    public Class<?> handledType() {
        return Instant.class;
    }

    /** The instant in {@code text}, or null if it is not in the one form this reads (the caller falls back). */
    public static Instant parseUtc(char[] text, int offset, int length) {
        // yyyy-MM-ddTHH:mm:ssZ, or with '.' and 1..9 fraction digits before the 'Z'
        if (length < 20 || length == 21 || length > 30 || text[offset + length - 1] != 'Z'
                || text[offset + 4] != '-' || text[offset + 7] != '-' || text[offset + 10] != 'T'
                || text[offset + 13] != ':' || text[offset + 16] != ':') {
            return null;
        }
        int year = digits(text, offset, 4);
        int month = digits(text, offset + 5, 2);
        int day = digits(text, offset + 8, 2);
        int hour = digits(text, offset + 11, 2);
        int minute = digits(text, offset + 14, 2);
        int second = digits(text, offset + 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1
                || day > monthLength(year, month) || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            if (text[offset + 19] != '.') {
                return null;
            }
            int fractionDigits = length - 21;
            int fraction = digits(text, offset + 20, fractionDigits);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochDay = epochDay(year, month, day);
        return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code n} ASCII digits, or -1 if one of them is not a digit. */
    private static int digits(char[] text, int from, int n) {
        int value = 0;
        for (int i = from; i < from + n; i++) {
            int d = text[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private static boolean leap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int monthLength(int year, int month) {
        return switch (month) {
            case 2 -> leap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days from 1970-01-01 (proleptic Gregorian, years 0..9999), as {@code LocalDate.toEpochDay()} counts them. */
    private static long epochDay(int year, int month, int day) {
        long y = year - 1;   // whole years before this one, counted from year 0 (itself a leap year)
        long days = 365L * year + (y >= 0 ? y / 4 - y / 100 + y / 400 + 1 : 0);
        days += DAYS_BEFORE_MONTH[month - 1] + (month > 2 && leap(year) ? 1 : 0) + day - 1;
        return days - 719_528L;   // days from 0000-01-01 to 1970-01-01
    }
}
