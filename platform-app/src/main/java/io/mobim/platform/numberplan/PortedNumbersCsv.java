package io.mobim.platform.numberplan;

import io.mobim.events.Msisdn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an operator's portability export: CSV, UTF-8, a header naming the columns {@code msisdn} and {@code operator}
 * (required) and {@code ported_at} (optional: an ISO date or instant), in any order, other columns ignored; one
 * number per line. Every line is checked (E.164 number, operator code, date, a number at most once per file); each
 * line that fails is reported with its number and reason, and the caller imports nothing of a file with any.
 */
final class PortedNumbersCsv {

    private PortedNumbersCsv() {
    }

    /** A line that cannot be imported: its number (the header is line 1) and why. */
    record Rejection(long line, String reason) {
    }

    /** The numbers of the good lines, every rejected line, and how many lines were read. */
    record Parsed(List<NumberPlan.Ported> numbers, List<Rejection> rejections, long lines) {
    }

    static Parsed read(Reader in) {
        List<NumberPlan.Ported> numbers = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        long lineNo = 0;
        try (BufferedReader lines = new BufferedReader(in)) {
            String header = lines.readLine();
            lineNo = 1;
            Columns at = Columns.of(header);
            if (at == null) {
                rejections.add(new Rejection(1, "the header must name the columns msisdn and operator (ported_at optional)"));
                return new Parsed(List.of(), rejections, 1);
            }
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    NumberPlan.Ported p = at.read(line.split(",", -1));
                    Long first = seen.putIfAbsent(p.msisdn(), lineNo);
                    if (first != null) {
                        throw new IllegalArgumentException("the number is already on line " + first);
                    }
                    numbers.add(p);
                } catch (IllegalArgumentException e) {
                    rejections.add(new Rejection(lineNo, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Parsed(numbers, rejections, lineNo);
    }

    private record Columns(int msisdn, int operator, int portedAt, int count) {

        static Columns of(String header) {
            if (header == null) {
                return null;
            }
            List<String> names = new ArrayList<>();
            for (String name : header.replace("\uFEFF", "").split(",", -1)) {
                names.add(name.trim().toLowerCase(Locale.ROOT));
            }
            int msisdn = names.indexOf("msisdn");
            int operator = names.indexOf("operator");
            return msisdn < 0 || operator < 0 ? null : new Columns(msisdn, operator, names.indexOf("ported_at"), names.size());
        }

        NumberPlan.Ported read(String[] cells) {
            if (cells.length != count) {
                throw new IllegalArgumentException(cells.length + " cells, the header names " + count);
            }
            String number = cells[msisdn].trim();
            if (!Msisdn.isE164(number)) {
                throw new IllegalArgumentException("msisdn is not E.164 (+[1-9][0-9]{6,14}): '" + NumberPlan.shorten(number) + "'");
            }
            String op = cells[operator].trim();
            NumberPlan.requireOperator(op);
            return new NumberPlan.Ported(number, op, portedAt < 0 ? null : instant(cells[portedAt].trim()));
        }

        private static Instant instant(String cell) {
            if (cell.isEmpty()) {
                return null;
            }
            try {
                return cell.length() == 10 ? LocalDate.parse(cell).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(cell);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("ported_at is neither an ISO date nor an instant: '" + NumberPlan.shorten(cell) + "'");
            }
        }
    }
}
