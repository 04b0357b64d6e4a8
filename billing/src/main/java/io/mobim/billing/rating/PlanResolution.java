package io.mobim.billing.rating;

import io.mobim.billing.plan.TariffPlanVersion;

/** The plan version to rate an event with, or why there is none. */
public sealed interface PlanResolution {

    record Found(TariffPlanVersion plan) implements PlanResolution {
    }

    record Rejected(RejectReason code, String reason) implements PlanResolution {
    }
}
