package io.mobim.billing.plan;

import io.mobim.events.charging.ChargingEvent;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One immutable version of a tariff plan. A price change or a correction is a new version with its own
 * activation instant; the version in force at an event's time is the one with the latest activation at or
 * before it (the higher version number wins a tie, so a correction can replace a version from its start).
 *
 * @param planId     stable plan id, e.g. {@code VODAFONE_UK}
 * @param version    1, 2, ... within the plan
 * @param name       human-readable name
 * @param activeFrom first instant this version applies to
 * @param currency   ISO 4217 currency of every price
 * @param rounding   rounding mode applied once per rated record
 * @param decimals   decimals of rated amounts (2 for GBP and EUR)
 * @param components the priced parts; an event no component applies to rates at zero
 */
public record TariffPlanVersion(
        String planId,
        int version,
        String name,
        Instant activeFrom,
        Currency currency,
        RoundingMode rounding,
        int decimals,
        List<TariffComponent> components) {

    public TariffPlanVersion {
        Objects.requireNonNull(planId, "planId");
        if (!ChargingEvent.isPlanId(planId)) {
            throw new IllegalArgumentException("plan id must match " + ChargingEvent.PLAN_ID + ": " + planId);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(activeFrom, "activeFrom");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(rounding, "rounding");
        if (rounding == RoundingMode.UNNECESSARY) {
            throw new IllegalArgumentException("rounding UNNECESSARY would fail on sub-unit prices");
        }
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("decimals must be 0..6");
        }
        components = List.copyOf(components);
        Set<String> ids = new HashSet<>();
        for (TariffComponent c : components) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException(planId + " v" + version + ": duplicate component id " + c.id());
            }
        }
    }

    /** "VODAFONE_UK v1". */
    public String label() {
        return planId + " v" + version;
    }
}
