package io.mobim.events.csv;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.temporal.TemporalAccessor;
import java.util.Currency;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one CSV cell writer of every export (rated records, reconciliation, message log): RFC 4180 quoting, and free
 * text neutralised against formula injection. A text cell that a spreadsheet would read as a formula (it starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) gets a leading {@code '}, as OWASP
 * recommends, so a nickname, a reason or an SMS-C's message id cannot run in the reader's spreadsheet. Typed values
 * are written as they are: amounts ({@link BigDecimal}, plain, never exponent), other numbers, booleans, enums,
 * times, zones, currencies and ids; an E.164 number ({@code +447700900001}) too, since the spreadsheet reads it as a
 * number and nothing else.
 */
public final class CsvRow {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private CsvRow() {
    }

    /** Appends one row of cells (null as an empty cell), ended by CRLF. */
    public static void append(StringBuilder out, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    /** One cell as it is written: neutralised when it is free text, then quoted when it must be. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof BigDecimal amount ? amount.toPlainString() : value.toString();
        if (!typed(value) && !E164.matcher(s).matches() && formulaLike(s)) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private static boolean typed(Object value) {
        return value instanceof Number || value instanceof Boolean || value instanceof Enum<?>
                || value instanceof TemporalAccessor || value instanceof ZoneId || value instanceof Currency
                || value instanceof UUID;
    }

    private static boolean formulaLike(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char first = s.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
