package io.mobim.smpp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmsSplitterTest {

    private final SmsSplitter splitter = new SmsSplitter(10);

    @Test
    void gsmFitsOneSmsUpTo160Septets() {
        List<Segment> one = splitter.split("a".repeat(160), 7, ConcatMode.UDH);
        assertThat(one).singleElement().satisfies(s -> {
            assertThat(s.encoding()).isEqualTo(SmsEncoding.GSM7);
            assertThat(s.udhi()).isFalse();
            assertThat(s.shortMessage()).hasSize(160);
            assertThat(s.total()).isEqualTo(1);
        });
        List<Segment> two = splitter.split("a".repeat(161), 7, ConcatMode.UDH);
        assertThat(two).hasSize(2);
        assertThat(two.get(0).shortMessage()).hasSize(6 + 153);
        assertThat(two.get(1).shortMessage()).hasSize(6 + 8);
        assertThat(splitter.split("a".repeat(306), 7, ConcatMode.UDH)).hasSize(2);
        assertThat(splitter.split("a".repeat(307), 7, ConcatMode.UDH)).hasSize(3);
    }

    @Test
    void extensionCharactersCountTwoAndAreNeverSplit() {
        // 159 septets + € (2) = 161 septets: no longer fits one SMS
        assertThat(splitter.split("a".repeat(159) + "€", 1, ConcatMode.UDH)).hasSize(2);
        // 152 'a' then € would end on septets 153-154: the escape pair moves whole to part 2
        List<Segment> parts = splitter.split("a".repeat(152) + "€" + "b".repeat(20), 1, ConcatMode.UDH);
        assertThat(parts).hasSize(2);
        byte[] first = Arrays.copyOfRange(parts.get(0).shortMessage(), 6, parts.get(0).shortMessage().length);
        assertThat(first).hasSize(152);
        assertThat(first[first.length - 1]).isNotEqualTo((byte) Gsm7.ESC);
        byte[] second = Arrays.copyOfRange(parts.get(1).shortMessage(), 6, parts.get(1).shortMessage().length);
        assertThat(second[0]).isEqualTo((byte) Gsm7.ESC);
        assertThat(second[1]).isEqualTo((byte) 0x65);
    }

    @Test
    void ucs2FitsSeventyThenSplitsBySixtySeven() {
        assertThat(splitter.split("я".repeat(70), 1, ConcatMode.UDH)).singleElement()
                .satisfies(s -> {
                    assertThat(s.encoding()).isEqualTo(SmsEncoding.UCS2);
                    assertThat(s.shortMessage()).hasSize(140);
                });
        List<Segment> parts = splitter.split("я".repeat(71), 1, ConcatMode.UDH);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).shortMessage()).hasSize(6 + 134);
        assertThat(splitter.split("я".repeat(134), 1, ConcatMode.UDH)).hasSize(2);
        assertThat(splitter.split("я".repeat(135), 1, ConcatMode.UDH)).hasSize(3);
    }

    @Test
    void oneNonGsmCharacterMakesTheWholeMessageUcs2() {
        List<Segment> parts = splitter.split("Hello á", 1, ConcatMode.UDH);
        assertThat(parts).singleElement().satisfies(s -> {
            assertThat(s.encoding()).isEqualTo(SmsEncoding.UCS2);
            assertThat(new String(s.shortMessage(), StandardCharsets.UTF_16BE)).isEqualTo("Hello á");
        });
    }

    @Test
    void surrogatePairsAreNeverSplit() {
        // 66 units then an emoji (2 units) would straddle units 67-68
        String text = "x".repeat(65) + "я" + "😀" + "y".repeat(10);
        List<Segment> parts = splitter.split(text, 1, ConcatMode.UDH);
        assertThat(parts).hasSize(2);
        String first = new String(parts.get(0).shortMessage(), 6, parts.get(0).shortMessage().length - 6, StandardCharsets.UTF_16BE);
        String second = new String(parts.get(1).shortMessage(), 6, parts.get(1).shortMessage().length - 6, StandardCharsets.UTF_16BE);
        assertThat(first).hasSize(66).doesNotContain("\uFFFD");
        assertThat(second).startsWith("😀");
        assertThat(first + second).isEqualTo(text);
    }

    @Test
    void udhCarriesReferenceTotalAndSequence() {
        List<Segment> parts = splitter.split("z".repeat(400), 0x1A7, ConcatMode.UDH);
        assertThat(parts).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Segment s = parts.get(i);
            assertThat(s.udhi()).isTrue();
            assertThat(Arrays.copyOf(s.shortMessage(), 6)).containsExactly(0x05, 0x00, 0x03, 0xA7, 3, i + 1);
            UserDataHeader udh = UserDataHeader.parse(s.shortMessage());
            assertThat(udh).isEqualTo(new UserDataHeader(6, 0xA7, 3, i + 1));
        }
    }

    @Test
    void sarModeLeavesTheTextBare() {
        List<Segment> parts = splitter.split("z".repeat(200), 9, ConcatMode.SAR);
        assertThat(parts).hasSize(2).allSatisfy(s -> {
            assertThat(s.udhi()).isFalse();
            assertThat(s.reference()).isEqualTo(9);
        });
        assertThat(parts.get(0).shortMessage()).hasSize(153);
    }

    @Test
    void refusesTooManyParts() {
        assertThatThrownBy(() -> new SmsSplitter(2).split("a".repeat(307), 1, ConcatMode.UDH))
                .isInstanceOf(MessageTooLongException.class)
                .hasMessageContaining("3 SMS parts");
    }

    @Test
    void sixteenBitReferenceHeadersAreRead() {
        byte[] sm = {0x06, 0x08, 0x04, 0x12, 0x34, 0x02, 0x01, 'h', 'i'};
        assertThat(UserDataHeader.parse(sm)).isEqualTo(new UserDataHeader(7, 0x1234, 2, 1));
        byte[] otherIeFirst = {0x08, 0x24, 0x01, 0x01, 0x00, 0x03, 0x05, 0x02, 0x02, 'h'};
        assertThat(UserDataHeader.parse(otherIeFirst)).isEqualTo(new UserDataHeader(9, 5, 2, 2));
        assertThatThrownBy(() -> UserDataHeader.parse(new byte[] {0x09, 0x00})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongUcs2TextSplitsAndJoinsBack() {
        String text = "Привет, как дела? ".repeat(23).substring(0, 400);
        List<Segment> parts = splitter.split(text, 3, ConcatMode.UDH);
        assertThat(parts).hasSize(6);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        parts.forEach(p -> joined.write(p.shortMessage(), 6, p.shortMessage().length - 6));
        assertThat(new String(joined.toByteArray(), StandardCharsets.UTF_16BE)).isEqualTo(text);
    }

    @Test
    void binaryDataTravelsAsEightBitWithItsPortsInEveryPart() {
        byte[] push = new byte[133];
        Arrays.fill(push, (byte) 0xA5);
        assertThat(splitter.splitBinary(push, 2948, 9200, 9)).singleElement().satisfies(s -> {
            assertThat(s.encoding()).isEqualTo(SmsEncoding.BINARY);
            assertThat(s.encoding().dataCoding()).isEqualTo((byte) 0x04);
            assertThat(s.udhi()).isTrue();
            assertThat(Arrays.copyOf(s.shortMessage(), 7)).containsExactly(0x06, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0);
            assertThat(s.shortMessage()).hasSize(140);
            assertThat(UserDataHeader.parse(s.shortMessage()).concatenated()).isFalse();
        });

        List<Segment> parts = splitter.splitBinary(new byte[134], 2948, 9200, 9);
        assertThat(parts).hasSize(2);
        for (Segment part : parts) {
            assertThat(Arrays.copyOf(part.shortMessage(), 7)).as("ports in part %d", part.seq())
                    .containsExactly(0x0B, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0);
            UserDataHeader udh = UserDataHeader.parse(part.shortMessage());
            assertThat(udh.headerLength()).isEqualTo(12);
            assertThat(udh.concatenated()).isTrue();
            assertThat(udh.total()).isEqualTo(2);
            assertThat(udh.seq()).isEqualTo(part.seq());
            assertThat(udh.reference()).isEqualTo(9);
        }
        assertThat(parts.get(0).shortMessage()).hasSize(140);
        assertThat(parts.get(1).shortMessage()).hasSize(12 + 134 - 128);
    }

    @Test
    void binaryDataWithoutPortsHasNoHeaderUnlessItIsSplit() {
        assertThat(splitter.splitBinary(new byte[140], null, 0, 1)).singleElement().satisfies(s -> {
            assertThat(s.udhi()).isFalse();
            assertThat(s.shortMessage()).hasSize(140);
        });
        assertThat(splitter.splitBinary(new byte[141], null, 0, 1)).hasSize(2)
                .allSatisfy(s -> assertThat(s.shortMessage()[0]).isEqualTo((byte) 0x05));
        assertThatThrownBy(() -> new SmsSplitter(2).splitBinary(new byte[128 * 3], 2948, 9200, 1))
                .isInstanceOf(MessageTooLongException.class);
    }
}
