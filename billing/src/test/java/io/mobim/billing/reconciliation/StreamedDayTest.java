package io.mobim.billing.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mobim.billing.reconciliation.ThreeWayReconciliation.LogEntry;
import io.mobim.events.charging.Channel;
import io.mobim.events.charging.Direction;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pieces that let reconciliation read a day without holding it: the message log extract read leg by leg as it
 * arrives, and sequence numbers kept as runs, however many records arrive and in whatever order.
 */
class StreamedDayTest {

    @Test
    void theMessageLogIsReadLegByLegWhateverTheOrderOfItsFields() {
        String json = """
                {"legs":[
                   {"messageId":"m1","direction":"SENT","channel":"SMS","msisdn":"+447700900001","at":"2031-03-14T10:00:00Z","gatewayId":"mo-1"},
                   {"messageId":"m1","direction":"RECEIVED","channel":"CLIENT","msisdn":"+447700900002","at":"2031-03-14T10:00:01Z"}],
                 "zone":"Europe/London","future":{"nested":[1,2,3]},"day":"2031-03-14","from":"2031-03-14T00:00:00Z"}""";
        MessageLogClient.Extract extract = MessageLogClient.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(extract.day()).isEqualTo(LocalDate.of(2031, 3, 14));
        assertThat(extract.legs()).containsExactly(
                new LogEntry("m1", Direction.SENT, Channel.SMS, "mo-1"),
                new LogEntry("m1", Direction.RECEIVED, Channel.CLIENT, null));
    }

    @Test
    void anExtractWithoutItsDayIsRefused() {
        assertThatThrownBy(() -> MessageLogClient.read(new ByteArrayInputStream("{\"legs\":[]}".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("names no day");
    }

    @Test
    void aMillionNumbersInOrderAreOneRunAndGapsShowWhereverNumbersArrive() {
        SequenceGaps.Collector c = new SequenceGaps.Collector();
        for (long s = 1; s <= 1_000_000; s++) {
            if (s != 500_000) {
                c.add("node-1", s);
            }
        }
        // rejected events come apart from the rated ones, in any order, some twice
        c.add("node-1", 1_000_002);
        c.add("node-1", 1_000_001);
        c.add("node-1", 1_000_001);
        c.add("node-2", 9);
        c.add("node-2", 7);
        c.add("node-2", 8);

        List<SequenceGaps.NodeSequences> nodes = c.result();
        assertThat(nodes.get(0).gaps()).containsExactly(new SequenceGaps.Gap(500_000, 500_000));
        assertThat(nodes.get(0).seen()).isEqualTo(1_000_001);
        assertThat(nodes.get(0).last()).isEqualTo(1_000_002);
        assertThat(nodes.get(1)).isEqualTo(new SequenceGaps.NodeSequences("node-2", 7, 9, 3, List.of()));
    }
}
