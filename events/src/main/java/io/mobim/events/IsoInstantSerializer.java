package io.mobim.events;

import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes an {@link Instant} exactly as {@link Instant#toString()} does ({@code 2026-11-02T09:15:30.250Z}: UTC, the
 * fraction in groups of three digits, none when it is zero), which is how Jackson writes one with dates as strings;
 * years outside 0000–9999 go through {@link Instant#toString()} itself. Why: every event carries an instant, and the
 * {@code DateTimeFormatter} behind {@code toString()} cost more than the rest of a small event's JSON.
 */
public final class IsoInstantSerializer extends ValueSerializer<Instant> {

    private static final long SECONDS_0000_TO_1970 = 62_167_219_200L;
    private static final long SECONDS_1970_TO_10000 = 253_402_300_800L;

    @Override
    public void serialize(Instant value, JsonGenerator g, SerializationContext ctxt) throws JacksonException {
        g.writeString(format(value));
    }

    @Override
    public Class<?> handledType() {
        return Instant.class;
    }

    /** {@link Instant#toString()}, the same characters. */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < -SECONDS_0000_TO_1970 || seconds >= SECONDS_1970_TO_10000) {
            return instant.toString();
        }
        long epochDay = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        int nanos = instant.getNano();
        char[] out = new char[nanos == 0 ? 20 : nanos % 1_000_000 == 0 ? 24 : nanos % 1000 == 0 ? 27 : 30];
        civil(epochDay, out);
        out[10] = 'T';
        two(out, 11, secondOfDay / 3600);
        out[13] = ':';
        two(out, 14, secondOfDay / 60 % 60);
        out[16] = ':';
        two(out, 17, secondOfDay % 60);
        if (nanos != 0) {
            out[19] = '.';
            int digits = out.length - 21;
            int fraction = nanos / (digits == 3 ? 1_000_000 : digits == 6 ? 1000 : 1);
            for (int i = 20 + digits - 1; i >= 20; i--) {
                out[i] = (char) ('0' + fraction % 10);
                fraction /= 10;
            }
        }
        out[out.length - 1] = 'Z';
        return new String(out);
    }

    /** yyyy-MM-dd of a day since 1970-01-01 into {@code out[0..9]} (the civil-from-days algorithm, proleptic Gregorian). */
    private static void civil(long epochDay, char[] out) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        two(out, 0, year / 100);
        two(out, 2, year % 100);
        out[4] = '-';
        two(out, 5, month);
        out[7] = '-';
        two(out, 8, day);
    }

    private static void two(char[] out, int at, int value) {
        out[at] = (char) ('0' + value / 10);
        out[at + 1] = (char) ('0' + value % 10);
    }
}
