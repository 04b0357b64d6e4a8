package io.mobim.clearing.agreement;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How long one settlement period of an agreement is, in UTC days. */
public enum SettlementPeriod {
    /** Calendar months, named {@code 2026-10}. */
    MONTHLY,
    /** ISO weeks (Monday to Sunday), named {@code 2026-W41}. */
    WEEKLY;

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    /** The kind of period {@code label} names by its form: {@code 2026-10} monthly, {@code 2026-W41} weekly. */
    public static SettlementPeriod named(String label) {
        if (MONTH.matcher(label).matches()) {
            return MONTHLY;
        }
        if (WEEK.matcher(label).matches()) {
            return WEEKLY;
        }
        throw new IllegalArgumentException("a period is named like 2026-10 (monthly) or 2026-W41 (weekly): '" + label + "'");
    }

    /** One period: its name and its days, {@code start} inclusive, {@code end} exclusive. */
    public record Span(String label, LocalDate start, LocalDate end) {
    }

    /** The period named {@code label} ({@code 2026-10}, {@code 2026-W41}). */
    public Span parse(String label) {
        if (this == MONTHLY) {
            try {
                return of(YearMonth.parse(label).atDay(1));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("a monthly period is named like 2026-10: '" + label + "'");
            }
        }
        Matcher m = WEEK.matcher(label);
        if (!m.matches()) {
            throw new IllegalArgumentException("a weekly period is named like 2026-W41: '" + label + "'");
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate monday = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Span span = of(monday);
        if (!span.label().equals(label)) {
            throw new IllegalArgumentException("no week " + label);
        }
        return span;
    }

    /** The period that contains {@code day}. */
    public Span of(LocalDate day) {
        if (this == MONTHLY) {
            YearMonth month = YearMonth.from(day);
            return new Span(month.toString(), month.atDay(1), month.plusMonths(1).atDay(1));
        }
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String label = String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new Span(label, monday, monday.plusWeeks(1));
    }
}
