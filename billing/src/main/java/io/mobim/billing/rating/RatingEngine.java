package io.mobim.billing.rating;

import io.mobim.billing.plan.TariffComponent;
import io.mobim.billing.plan.TariffPlanVersion;
import io.mobim.events.charging.ChargingEvent;
import io.mobim.events.charging.ChargingKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Prices one charging event under one tariff plan version. Pure: no I/O, no clock; the only state is the
 * {@link UsageCounters} it is given (allowances, daily fees). Every component that applies contributes;
 * the sum is rounded once per record with the plan's rounding mode and decimals.
 */
public final class RatingEngine {

    private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("uuuu-MM");

    private final ZoneId businessZone;
    private final ZoneRules rules;
    /**
     * The business day last computed and a span of instants that all fall in it (one zone offset throughout):
     * events come in time order, so nearly every event falls in the span of the one before and needs no zone lookup.
     */
    private volatile DaySpan lastDay;

    private record DaySpan(LocalDate day, String period, long fromSecond, long toSecond) {
    }

    public RatingEngine(ZoneId businessZone) {
        this.businessZone = Objects.requireNonNull(businessZone, "businessZone");
        this.rules = businessZone.getRules();
    }

    public ZoneId businessZone() {
        return businessZone;
    }

    public LocalDate businessDay(Instant at) {
        return span(at).day();
    }

    private DaySpan span(Instant at) {
        long second = at.getEpochSecond();
        DaySpan span = lastDay;
        if (span != null && second >= span.fromSecond() && second < span.toSecond()) {
            return span;
        }
        ZoneOffset offset = rules.getOffset(at);
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(second + offset.getTotalSeconds(), 86_400));
        long dayStart = day.toEpochDay() * 86_400 - offset.getTotalSeconds();
        long from = rules.isFixedOffset() ? dayStart : Math.max(dayStart, second);
        long to = dayStart + 86_400;
        ZoneOffsetTransition next = rules.nextTransition(at);
        if (next != null) {
            to = Math.min(to, next.toEpochSecond());
        }
        span = new DaySpan(day, period(day), from, to);
        lastDay = span;
        return span;
    }

    /** The billing period {@code YYYY-MM} of a business day. */
    public static String period(LocalDate day) {
        return PERIOD.format(day); // once per business day: the day's span keeps it (see span)
    }

    public Rating rate(ChargingEvent event, TariffPlanVersion plan, UsageCounters counters) {
        DaySpan span = span(event.eventTime());
        LocalDate day = span.day();
        String period = span.period();
        if (event.kind() == ChargingKind.MESSAGE && event.service()) {
            return rating(plan, day, period, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, "SERVICE_MESSAGE");
        }
        BigDecimal charged = BigDecimal.ZERO;
        BigDecimal passThrough = BigDecimal.ZERO;
        long units = 0;
        long allowanceUnits = 0;
        List<String> parts = new ArrayList<>();
        for (TariffComponent c : plan.components()) {
            if (!c.appliesTo(event)) {
                continue;
            }
            switch (c.type()) {
                case PER_EVENT -> {
                    charged = charged.add(c.price());
                    units = 1;
                    parts.add(c.id() + " 1x" + c.price().toPlainString());
                }
                case SMS_PASS_THROUGH -> {
                    int segments = event.segments();
                    passThrough = passThrough.add(c.price().multiply(BigDecimal.valueOf(segments)));
                    units = 1;
                    parts.add(c.id() + " " + segments + "x" + c.price().toPlainString());
                }
                case ALLOWANCE -> {
                    UsageCounters.Key key = new UsageCounters.Key(event.chargedMsisdn(), "ALLOWANCE:" + c.id(), period);
                    long used = counters.get(key);
                    if (used < c.includedUnits()) {
                        counters.add(key, 1);
                        allowanceUnits = 1;
                        parts.add(c.id() + " " + (used + 1) + "/" + c.includedUnits());
                    } else {
                        charged = charged.add(c.price());
                        parts.add(c.id() + " overage 1x" + c.price().toPlainString());
                    }
                    units = 1;
                }
                case DAILY_FEE -> {
                    UsageCounters.Key key = new UsageCounters.Key(event.chargedMsisdn(), "DAILY:" + c.id(), day.toString());
                    if (counters.get(key) == 0) {
                        counters.add(key, 1);
                        charged = charged.add(c.price());
                        units = 1;
                        parts.add(c.id() + " 1x" + c.price().toPlainString());
                    } else {
                        parts.add(c.id() + " already charged " + day);
                    }
                }
                case VOLUME -> {
                    long bytes = event.bytes();
                    long blocks = Math.ceilDiv(bytes, c.blockBytes());
                    charged = charged.add(c.price().multiply(BigDecimal.valueOf(blocks)));
                    units = blocks;
                    parts.add(c.id() + " " + blocks + "x" + c.price().toPlainString() + " (" + bytes + " B)");
                }
            }
        }
        if (parts.isEmpty()) {
            return rating(plan, day, period, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, "NO_CHARGE");
        }
        BigDecimal roundedPassThrough = round(plan, passThrough);
        BigDecimal total = round(plan, charged.add(passThrough));
        return rating(plan, day, period, units, allowanceUnits, total, roundedPassThrough, String.join(" + ", parts));
    }

    private static BigDecimal round(TariffPlanVersion plan, BigDecimal amount) {
        return amount.setScale(plan.decimals(), plan.rounding());
    }

    private static Rating rating(TariffPlanVersion plan, LocalDate day, String period, long units, long allowanceUnits,
            BigDecimal amount, BigDecimal passThrough, String rule) {
        return new Rating(plan.planId(), plan.version(), plan.currency(), day, period, units, allowanceUnits,
                amount.setScale(plan.decimals(), plan.rounding()), passThrough.setScale(plan.decimals(), plan.rounding()), rule);
    }
}
