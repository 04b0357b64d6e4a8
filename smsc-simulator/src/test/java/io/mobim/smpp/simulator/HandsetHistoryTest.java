package io.mobim.smpp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HandsetHistoryTest {

    @Test
    void keepsTheNewestEntriesOfEachHandsetOnly() {
        HandsetHistory<Integer> history = new HandsetHistory<>();
        IntStream.range(0, HandsetHistory.PER_HANDSET + 5).forEach(i -> history.add("+447700900001", i));
        history.add("+447700900002", -1);

        assertThat(history.of("+447700900001")).hasSize(HandsetHistory.PER_HANDSET)
                .startsWith(5, 6).endsWith(HandsetHistory.PER_HANDSET + 4);
        assertThat(history.of("+447700900002")).containsExactly(-1);
        assertThat(history.of("+447700900003")).isEmpty();
        assertThat(history.handsets()).containsExactlyInAnyOrder("+447700900001", "+447700900002");
    }
}
