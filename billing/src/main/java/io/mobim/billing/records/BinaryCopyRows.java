package io.mobim.billing.records;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import org.postgresql.util.ByteConverter;

/**
 * Rows in PostgreSQL's binary COPY format ({@code copy ... from stdin (format binary)}): header, then per row a
 * field count and length-prefixed fields in each column type's binary form, then the trailer. The server parses
 * no text (uuid, timestamps, numbers), which makes the COPY of rated records cheaper than CSV on both sides.
 * Numeric values use the JDBC driver's own encoder.
 */
final class BinaryCopyRows {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch for timestamps and dates. */
    private static final long PG_EPOCH_SECONDS = 946_684_800L;
    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private byte[] buf;
    private int pos;

    BinaryCopyRows(int expectedBytes) {
        buf = new byte[Math.max(64, expectedBytes)];
        put(HEADER);
    }

    void row(int fields) {
        ensure(2);
        ByteConverter.int2(buf, pos, fields);
        pos += 2;
    }

    void nullField() {
        int4(-1);
    }

    void uuid(UUID v) {
        int4(16);
        int8(v.getMostSignificantBits());
        int8(v.getLeastSignificantBits());
    }

    void int4Field(int v) {
        int4(4);
        int4(v);
    }

    void int4Field(Integer v) {
        if (v == null) {
            nullField();
        } else {
            int4Field(v.intValue());
        }
    }

    void int8Field(long v) {
        int4(8);
        int8(v);
    }

    void int8Field(Long v) {
        if (v == null) {
            nullField();
        } else {
            int8Field(v.longValue());
        }
    }

    void bool(boolean v) {
        int4(1);
        ensure(1);
        buf[pos++] = (byte) (v ? 1 : 0);
    }

    /** Text, varchar or char; null for SQL NULL. */
    void text(Object v) {
        if (v == null) {
            nullField();
            return;
        }
        byte[] bytes = v.toString().getBytes(StandardCharsets.UTF_8);
        int4(bytes.length);
        put(bytes);
    }

    /** timestamptz: microseconds since 2000-01-01 UTC, rounded to the microsecond as the text input would be. */
    void timestamp(Instant v) {
        long micros = Math.addExact(Math.multiplyExact(v.getEpochSecond() - PG_EPOCH_SECONDS, 1_000_000L), (v.getNano() + 500) / 1000);
        int8Field(micros);
    }

    /** date: days since 2000-01-01. */
    void date(LocalDate v) {
        int4Field((int) (v.toEpochDay() - PG_EPOCH_DAY));
    }

    void numeric(BigDecimal v) {
        byte[] bytes = ByteConverter.numeric(v);
        int4(bytes.length);
        put(bytes);
    }

    /** The rows with the trailer, ready for the server. */
    java.io.InputStream finish() {
        ensure(2);
        ByteConverter.int2(buf, pos, -1);
        pos += 2;
        return new java.io.ByteArrayInputStream(buf, 0, pos);
    }

    private void int4(int v) {
        ensure(4);
        ByteConverter.int4(buf, pos, v);
        pos += 4;
    }

    private void int8(long v) {
        ensure(8);
        ByteConverter.int8(buf, pos, v);
        pos += 8;
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }
}
