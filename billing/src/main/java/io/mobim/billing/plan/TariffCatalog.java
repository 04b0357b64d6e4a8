package io.mobim.billing.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An immutable snapshot of every plan version, answering "which version applies at this instant". */
public final class TariffCatalog {

    private static final Comparator<TariffPlanVersion> IN_FORCE_ORDER =
            Comparator.comparing(TariffPlanVersion::activeFrom).thenComparingInt(TariffPlanVersion::version);

    private final Map<String, List<TariffPlanVersion>> byPlan;

    public TariffCatalog(Collection<TariffPlanVersion> versions) {
        Map<String, List<TariffPlanVersion>> map = new TreeMap<>();
        for (TariffPlanVersion v : versions) {
            map.computeIfAbsent(v.planId(), k -> new ArrayList<>()).add(v);
        }
        map.replaceAll((id, list) -> list.stream().sorted(IN_FORCE_ORDER).toList());
        this.byPlan = Map.copyOf(map);
    }

    public boolean knows(String planId) {
        return planId != null && byPlan.containsKey(planId);
    }

    /** The version of {@code planId} in force at {@code at}, if the plan exists and had started by then. */
    public Optional<TariffPlanVersion> inForce(String planId, Instant at) {
        List<TariffPlanVersion> versions = planId == null ? null : byPlan.get(planId);
        if (versions == null) {
            return Optional.empty();
        }
        TariffPlanVersion found = null;
        for (TariffPlanVersion v : versions) {
            if (v.activeFrom().isAfter(at)) {
                break;
            }
            found = v;
        }
        return Optional.ofNullable(found);
    }

    /** Every version of a plan, oldest activation first. */
    public List<TariffPlanVersion> versions(String planId) {
        return byPlan.getOrDefault(planId, List.of());
    }

    public Collection<String> planIds() {
        return byPlan.keySet().stream().sorted().toList();
    }
}
