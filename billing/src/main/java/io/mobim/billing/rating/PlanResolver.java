package io.mobim.billing.rating;

import io.mobim.billing.account.Account;
import io.mobim.billing.account.AccountEntry;
import io.mobim.billing.plan.TariffCatalog;
import io.mobim.billing.plan.TariffPlanVersion;
import io.mobim.events.charging.ChargingEvent;
import java.time.Instant;
import java.util.List;

/**
 * Which plan an event is rated with, at its event time:
 * <ol>
 * <li>the billing team's account row in force at the event time (source API), which corrects the IM core;</li>
 * <li>otherwise the plan the IM core put on the event;</li>
 * <li>otherwise the plan learned from earlier events (source EVENT) in force at the event time;</li>
 * <li>otherwise the event is rejected ({@link RejectReason#UNKNOWN_SUBSCRIBER}).</li>
 * </ol>
 * The plan must then be in the catalogue ({@link RejectReason#UNKNOWN_PLAN}) with a version active at the
 * event time ({@link RejectReason#NO_PLAN_VERSION}).
 */
public final class PlanResolver {

    private PlanResolver() {
    }

    public static PlanResolution resolve(ChargingEvent event, List<AccountEntry> accountRows, TariffCatalog catalog) {
        Instant at = event.eventTime();
        String planId = inForce(accountRows, Account.Source.API, at);
        if (planId == null) {
            planId = event.tariffPlan();
        }
        if (planId == null) {
            planId = inForce(accountRows, Account.Source.EVENT, at);
        }
        if (planId == null) {
            return new PlanResolution.Rejected(RejectReason.UNKNOWN_SUBSCRIBER,
                    "no billing account for the subscriber and the event carries no tariff plan");
        }
        if (!catalog.knows(planId)) {
            return new PlanResolution.Rejected(RejectReason.UNKNOWN_PLAN, "tariff plan " + planId + " is not in the catalogue");
        }
        TariffPlanVersion version = catalog.inForce(planId, at).orElse(null);
        if (version == null) {
            return new PlanResolution.Rejected(RejectReason.NO_PLAN_VERSION,
                    "tariff plan " + planId + " has no version active at " + at);
        }
        return new PlanResolution.Found(version);
    }

    private static String inForce(List<AccountEntry> rows, Account.Source source, Instant at) {
        String plan = null;
        if (rows != null) {
            for (AccountEntry row : rows) {           // oldest first
                if (row.source() == source && !row.validFrom().isAfter(at)) {
                    plan = row.planId();
                }
            }
        }
        return plan;
    }
}
