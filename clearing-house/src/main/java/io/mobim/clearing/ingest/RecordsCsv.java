package io.mobim.clearing.ingest;

import io.mobim.events.interop.InteropChannel;
import io.mobim.events.interop.InteropRecord;
import io.mobim.events.interop.InteropSide;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads an operator's upload of inter-operator records: CSV (RFC 4180 quoting, one record per line, UTF-8) with a
 * header naming the columns {@value #HEADER} in any order. Every line is checked as a Kafka record is
 * ({@link InteropRecord}'s rules, the accepted event-time window) and a record id may appear once per file; each line
 * that fails is reported with its line number and the reason, and the caller imports nothing of a file with any.
 */
public final class RecordsCsv {

    public static final String HEADER = "record_id,side,originating_operator,terminating_operator,message_id,sender,recipient,event_time,channel,units";
    private static final List<String> COLUMNS = List.of(HEADER.split(","));

    private RecordsCsv() {
    }

    /** A line that cannot be imported: its number (the header is line 1) and why. */
    public record Rejection(long line, String reason) {
    }

    /** What a file holds: the records of its good lines, and every rejected line. */
    public record Parsed(List<InteropRecord> records, List<Rejection> rejections, long lines) {
    }

    public static Parsed read(Reader in, EventWindow window) {
        List<InteropRecord> records = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        Map<UUID, Long> seen = new HashMap<>();
        long lineNo = 0;
        try (BufferedReader lines = new BufferedReader(in)) {
            String headerLine = lines.readLine();
            lineNo = 1;
            int[] at = header(headerLine);  // position of each column, in COLUMNS order
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    InteropRecord record = record(cells(line), at);
                    String refusal = window.refusal(record);
                    if (refusal != null) {
                        throw new IllegalArgumentException(refusal);
                    }
                    Long first = seen.putIfAbsent(record.recordId(), lineNo);
                    if (first != null) {
                        throw new IllegalArgumentException("record_id " + record.recordId() + " is already on line " + first);
                    }
                    records.add(record);
                } catch (RuntimeException e) {
                    rejections.add(new Rejection(lineNo, reason(e)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BadHeader e) {
            rejections.add(new Rejection(1, e.getMessage()));
        }
        return new Parsed(records, rejections, lineNo);
    }

    private static int[] header(String line) {
        if (line == null) {
            throw new BadHeader("the file is empty; it starts with the header " + HEADER);
        }
        List<String> names = cells(line.startsWith("\uFEFF") ? line.substring(1) : line).stream()
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        Set<String> unknown = new HashSet<>(names);
        COLUMNS.forEach(unknown::remove);
        if (!unknown.isEmpty() || names.size() != new HashSet<>(names).size() || !names.containsAll(COLUMNS)) {
            throw new BadHeader("the header must name the columns " + HEADER + " (any order, each once): " + line);
        }
        int[] at = new int[COLUMNS.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = names.indexOf(COLUMNS.get(i));
        }
        return at;
    }

    private static InteropRecord record(List<String> cells, int[] at) {
        if (cells.size() != at.length) {
            throw new IllegalArgumentException(cells.size() + " cells, the header names " + at.length);
        }
        String recordId = cells.get(at[0]);
        String side = cells.get(at[1]);
        String units = cells.get(at[9]);
        String eventTime = cells.get(at[7]);
        String channel = cells.get(at[8]);
        UUID id;
        try {
            id = UUID.fromString(recordId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("record_id is not a UUID: '" + abbreviate(recordId) + "'");
        }
        Instant time;
        try {
            time = Instant.parse(eventTime);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("event_time is not an ISO-8601 UTC instant (2026-10-03T10:15:30Z): '"
                    + abbreviate(eventTime) + "'");
        }
        int n;
        try {
            n = Integer.parseInt(units);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("units is not a whole number: '" + abbreviate(units) + "'");
        }
        return InteropRecord.of(id, constant(InteropSide.class, side, "side"), cells.get(at[2]), cells.get(at[3]),
                cells.get(at[4]), cells.get(at[5]), cells.get(at[6]), time, constant(InteropChannel.class, channel, "channel"), n);
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String value, String column) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        throw new IllegalArgumentException(column + " must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                + ": '" + abbreviate(value) + "'");
    }

    /** The cells of one line: comma-separated, a cell in double quotes may hold commas and doubled quotes. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        while (true) {
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new IllegalArgumentException("a quoted cell is not closed (a record is one line)");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        cell.append(c);
                    }
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("text after a closing quote in cell " + (cells.size() + 1));
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    cell.append(line.charAt(i++));
                }
            }
            cells.add(cell.toString());
            cell.setLength(0);
            if (i >= line.length()) {
                return cells;
            }
            i++; // the comma
        }
    }

    private static String reason(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static final class BadHeader extends RuntimeException {
        BadHeader(String message) {
            super(message);
        }
    }
}
