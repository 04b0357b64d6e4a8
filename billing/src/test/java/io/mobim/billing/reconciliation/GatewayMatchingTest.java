package io.mobim.billing.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.billing.reconciliation.ThreeWayReconciliation.GatewayEntry;
import io.mobim.billing.reconciliation.ThreeWayReconciliation.GatewayStatus;
import io.mobim.billing.reconciliation.ThreeWayReconciliation.LogEntry;
import io.mobim.billing.reconciliation.ThreeWayReconciliation.RatedEntry;
import io.mobim.events.charging.Channel;
import io.mobim.events.charging.Direction;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Gateway facts carry no platform message id: they meet the rated records by SMS-C reference, and the message log
 * by the gateway's own id (MO id, MT request id). An MO that the log names as a message but nobody charged is a
 * mismatch; an MO the log does not know of was a command.
 */
class GatewayMatchingTest {

    private static GatewayEntry mo(String reference, String moId) {
        return new GatewayEntry(null, Direction.SENT, reference, GatewayStatus.RECEIVED, moId, null);
    }

    @Test
    void an_mo_the_log_names_as_a_message_but_nobody_rated_is_a_mismatch_and_a_command_is_not() {
        List<LogEntry> log = List.of(
                new LogEntry("m1", Direction.SENT, Channel.SMS, "mo-1"),
                new LogEntry("m2", Direction.SENT, Channel.SMS, "mo-2"),
                new LogEntry("m3", Direction.RECEIVED, Channel.SMS, "dlv-3"));
        List<GatewayEntry> gateway = List.of(mo("R1", "mo-1"), mo("R2", "mo-2"), mo("R9", "mo-9"),
                new GatewayEntry(null, Direction.RECEIVED, "R3", GatewayStatus.ACCEPTED, "dlv-3", true),
                new GatewayEntry(null, Direction.RECEIVED, "R3", GatewayStatus.DELIVERED, "dlv-3", true));
        List<RatedEntry> rated = List.of(
                new RatedEntry(UUID.randomUUID(), "m1", Direction.SENT, Channel.SMS, false, "R1"),
                new RatedEntry(UUID.randomUUID(), "m3", Direction.RECEIVED, Channel.SMS, false, null)); // no reference: via the log

        ThreeWayReconciliation.Result r = ThreeWayReconciliation.compare(log, gateway, rated);

        assertThat(r.notRated()).containsExactly("m2:SENT");
        assertThat(r.gatewayNotRated()).containsExactly("MO:R2");
        assertThat(r.moNotCharged()).containsExactly("MO:R9");
        assertThat(r.smsUnconfirmed()).isEmpty();
        assertThat(r.matched()).isEqualTo(2);
        assertThat(List.of(r.moReceived(), r.mtSubmitted(), r.mtDelivered(), r.mtFailed())).containsExactly(3, 1, 1, 0);
    }

    @Test
    void an_sms_seen_on_the_next_day_is_neither_unconfirmed_nor_unrated() {
        GatewayEntry lateMt = new GatewayEntry(null, Direction.RECEIVED, "R5", GatewayStatus.DELIVERED, "dlv-5", true);
        RatedEntry chargedNextDay = new RatedEntry(UUID.randomUUID(), "m6", Direction.RECEIVED, Channel.SMS, false, "R5");
        RatedEntry chargedToday = new RatedEntry(UUID.randomUUID(), "m7", Direction.SENT, Channel.SMS, false, "R7");

        ThreeWayReconciliation.Result r = ThreeWayReconciliation.compare(new ThreeWayReconciliation.Inputs(
                List.of(new LogEntry("m7", Direction.SENT, Channel.SMS)), List.of(lateMt), List.of(chargedToday),
                List.of(mo("R7", "mo-7")), List.of(chargedNextDay)));

        assertThat(r.gatewayNotRated()).isEmpty();
        assertThat(r.smsUnconfirmed()).isEmpty();
        assertThat(r.moReceived()).as("the nearby days are not counted").isZero();
    }

    @Test
    void a_free_command_is_uncharged_by_design_and_an_mo_the_im_core_never_handled_is_a_mismatch() {
        List<LogEntry> log = List.of(new LogEntry("m1", Direction.SENT, Channel.SMS, "mo-1"));
        List<GatewayEntry> gateway = List.of(mo("R1", "mo-1"), mo("R2", "mo-add"), mo("R3", "mo-lost"));
        List<RatedEntry> rated = List.of(new RatedEntry(UUID.randomUUID(), "m1", Direction.SENT, Channel.SMS, false, "R1"));

        // the IM core's log says which MOs it handled free of charge (here the ADD)
        ThreeWayReconciliation.Result known = ThreeWayReconciliation.compare(new ThreeWayReconciliation.Inputs(
                log, gateway, rated, List.of(), List.of(), Set.of("mo-add")));
        assertThat(known.moFree()).containsExactly("MO:R2");
        assertThat(known.moNotCharged()).containsExactly("MO:R3");
        assertThat(known.mismatches()).as("the MO nobody handled").isEqualTo(1);
        String csv = ReconciliationCsv.write(new ReconciliationReport(DAY, "UTC", List.of(), List.of(), Map.of(), List.of(),
                known, Map.of()));
        assertThat(csv).contains("MISMATCH," + DAY + ",MO_NOT_CHARGED,MO:R3\r\n").contains("UNCHARGED," + DAY + ",MO_FREE,MO:R2\r\n");

        // a log that does not say (derived from the charging events, or supplied): listed, not counted
        ThreeWayReconciliation.Result unknown = ThreeWayReconciliation.compare(log, gateway, rated);
        assertThat(unknown.moFree()).isEmpty();
        assertThat(unknown.moNotCharged()).containsExactly("MO:R2", "MO:R3");
        assertThat(unknown.mismatches()).isZero();
        assertThat(ReconciliationCsv.write(new ReconciliationReport(DAY, "UTC", List.of(), List.of(), Map.of(), List.of(),
                unknown, Map.of()))).contains("UNCHARGED," + DAY + ",MO_NOT_CHARGED,MO:R2\r\n").doesNotContain("MISMATCH");
    }

    private static final LocalDate DAY = LocalDate.parse("2032-05-17");
}
