package io.mobim.billing.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.billing.reconciliation.ThreeWayReconciliation.GatewayEntry;
import io.mobim.billing.reconciliation.ThreeWayReconciliation.GatewayStatus;
import io.mobim.billing.reconciliation.ThreeWayReconciliation.LogEntry;
import io.mobim.billing.reconciliation.ThreeWayReconciliation.RatedEntry;
import io.mobim.events.charging.Channel;
import io.mobim.events.charging.Direction;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each kind of mismatch a billing team looks for shows up under its own heading, with the message ids. */
class ThreeWayReconciliationTest {

    private static RatedEntry rated(String id, Direction d, Channel c) {
        return new RatedEntry(UUID.randomUUID(), id, d, c, false);
    }

    @Test
    void lists_every_mismatching_leg() {
        List<LogEntry> log = List.of(
                new LogEntry("m1", Direction.SENT, Channel.SMS),
                new LogEntry("m2", Direction.RECEIVED, Channel.SMS),
                new LogEntry("m3", Direction.RECEIVED, Channel.CLIENT),
                new LogEntry("m4", Direction.SENT, Channel.SMS),
                new LogEntry("m6", Direction.RECEIVED, Channel.SMS));
        List<GatewayEntry> gateway = List.of(
                new GatewayEntry("m1", Direction.SENT, "R1", GatewayStatus.ACCEPTED),
                new GatewayEntry("m1", Direction.SENT, "R1", GatewayStatus.DELIVERED),
                new GatewayEntry("m5", Direction.RECEIVED, "R5", GatewayStatus.DELIVERED),
                new GatewayEntry("m6", Direction.RECEIVED, "R6", GatewayStatus.FAILED));
        RatedEntry m3 = rated("m3", Direction.RECEIVED, Channel.CLIENT);
        List<RatedEntry> records = List.of(
                rated("m1", Direction.SENT, Channel.SMS),
                rated("m2", Direction.RECEIVED, Channel.SMS),        // the SMS-C never confirmed it
                m3, rated("m3", Direction.RECEIVED, Channel.CLIENT), // rated under two event ids
                rated("m6", Direction.RECEIVED, Channel.SMS),        // delivery failed
                rated("m7", Direction.SENT, Channel.CLIENT),         // not in the log
                new RatedEntry(UUID.randomUUID(), "help", Direction.RECEIVED, Channel.SMS, true)); // service: ignored

        ThreeWayReconciliation.Result r = ThreeWayReconciliation.compare(log, gateway, records);

        assertThat(Map.of("log", r.logLegs(), "gateway", r.gatewayAccepted(), "delivered", r.gatewayDelivered(),
                "rated", r.ratedLegs(), "matched", r.matched()))
                .isEqualTo(Map.of("log", 5, "gateway", 3, "delivered", 2, "rated", 5, "matched", 1));
        assertThat(r.notRated()).containsExactly("m4:SENT");
        assertThat(r.smsUnconfirmed()).containsExactly("m2:RECEIVED");
        assertThat(r.ratedTwice()).containsExactly("m3:RECEIVED");
        assertThat(r.smsFailed()).containsExactly("m6:RECEIVED");
        assertThat(r.ratedNotInLog()).containsExactly("m7:SENT");
        assertThat(r.gatewayNotRated()).containsExactly("m5:RECEIVED");
        assertThat(r.mismatches()).isEqualTo(6);
    }

    @Test
    void finds_sequence_gaps_per_node() {
        List<SequenceGaps.NodeSequences> nodes = SequenceGaps.find(Map.of(
                "im-1", List.of(7L, 8L, 10L, 14L, 8L),
                "im-2", List.of(1L, 2L, 3L)));
        assertThat(nodes).hasSize(2);
        assertThat(nodes.get(0).gaps()).containsExactly(new SequenceGaps.Gap(9, 9), new SequenceGaps.Gap(11, 13));
        assertThat(nodes.get(0).missing()).isEqualTo(4);
        assertThat(nodes.get(0).seen()).isEqualTo(4);
        assertThat(nodes.get(1).gaps()).isEmpty();
    }
}
