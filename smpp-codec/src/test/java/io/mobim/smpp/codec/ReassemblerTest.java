package io.mobim.smpp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReassemblerTest {

    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    private final Reassembler reassembler = new Reassembler(Duration.ofMinutes(5));

    private static List<Reassembler.Part> parts(String text, int ref) {
        List<Segment> segments = new SmsSplitter(10).split(text, ref, ConcatMode.SAR);
        List<Reassembler.Part> out = new ArrayList<>();
        for (Segment s : segments) {
            out.add(new Reassembler.Part("smsc0", "+447700900001", "20123", s.reference(), s.total(), s.seq(),
                    s.encoding().dataCoding(), s.shortMessage(), "id" + s.seq()));
        }
        return out;
    }

    private static String text(Reassembler.Assembled a) {
        return SmsTextDecoder.decode(a.dataCoding(), a.octets(), SmsTextDecoder.DefaultAlphabet.GSM7);
    }

    @Test
    void aSinglePartIsCompleteAtOnce() {
        Optional<Reassembler.Assembled> a = reassembler.offer(parts("1 Hello there", 1).get(0), T0);
        assertThat(a).map(ReassemblerTest::text).contains("1 Hello there");
        assertThat(reassembler.pendingCount()).isZero();
    }

    @Test
    void partsArrivingOutOfOrderAreJoinedInOrder() {
        String text = "€ and more ".repeat(40);
        List<Reassembler.Part> ps = parts(text, 42);
        assertThat(ps).hasSizeGreaterThan(2);
        List<Reassembler.Part> shuffled = new ArrayList<>(ps);
        Collections.reverse(shuffled);
        Optional<Reassembler.Assembled> result = Optional.empty();
        for (Reassembler.Part p : shuffled) {
            assertThat(result).isEmpty();
            result = reassembler.offer(p, T0);
        }
        assertThat(result).isPresent();
        assertThat(text(result.get())).isEqualTo(text);
        assertThat(result.get().parts()).isEqualTo(ps.size());
        assertThat(result.get().firstSmscMessageId()).isEqualTo("id1");
    }

    @Test
    void duplicatesAreIgnored() {
        List<Reassembler.Part> ps = parts("Привет ".repeat(20), 5);
        assertThat(reassembler.offer(ps.get(0), T0)).isEmpty();
        assertThat(reassembler.offer(ps.get(0), T0)).isEmpty();
        assertThat(reassembler.offer(ps.get(1), T0)).isEmpty();
        Optional<Reassembler.Assembled> done = reassembler.offer(ps.get(2), T0);
        assertThat(done).map(ReassemblerTest::text).contains("Привет ".repeat(20));
        // a late duplicate of a completed message starts a new one, which then times out
        assertThat(reassembler.offer(ps.get(1), T0)).isEmpty();
        assertThat(reassembler.expire(T0.plus(Duration.ofMinutes(6)))).isEqualTo(1);
    }

    @Test
    void incompleteMessagesTimeOut() {
        List<Reassembler.Part> ps = parts("a".repeat(300), 8);
        reassembler.offer(ps.get(0), T0);
        assertThat(reassembler.expire(T0.plus(Duration.ofMinutes(4)))).isZero();
        assertThat(reassembler.pendingCount()).isEqualTo(1);
        assertThat(reassembler.expire(T0.plus(Duration.ofMinutes(6)))).isEqualTo(1);
        assertThat(reassembler.pendingCount()).isZero();
    }

    @Test
    void differentSendersWithTheSameReferenceStayApart() {
        List<Reassembler.Part> a = parts("a".repeat(200), 1);
        Reassembler.Part b1 = new Reassembler.Part("smsc0", "+447700900009", "20123", 1, 2, 1, (byte) 0,
                "b".repeat(153).getBytes(StandardCharsets.US_ASCII), null);
        assertThat(reassembler.offer(a.get(0), T0)).isEmpty();
        assertThat(reassembler.offer(b1, T0)).isEmpty();
        assertThat(reassembler.offer(a.get(1), T0)).map(ReassemblerTest::text).contains("a".repeat(200));
        assertThat(reassembler.pendingCount()).isEqualTo(1);
    }

    @Test
    void aSurrogatePairSplitByTheSenderDecodesWhole() {
        byte[] all = "ab😀".getBytes(StandardCharsets.UTF_16BE); // 8 octets, the emoji in octets 4..7
        Reassembler.Part p1 = new Reassembler.Part("l", "+447700900001", "20123", 3, 2, 1, (byte) 8,
                java.util.Arrays.copyOfRange(all, 0, 6), null);
        Reassembler.Part p2 = new Reassembler.Part("l", "+447700900001", "20123", 3, 2, 2, (byte) 8,
                java.util.Arrays.copyOfRange(all, 6, 8), null);
        reassembler.offer(p2, T0);
        assertThat(reassembler.offer(p1, T0)).map(ReassemblerTest::text).contains("ab😀");
    }
}
