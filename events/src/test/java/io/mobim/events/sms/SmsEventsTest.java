package io.mobim.events.sms;

import io.mobim.events.Msisdn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mobim.events.HandCheckedRules;
import io.mobim.events.JsonEventSerde;
import io.mobim.events.MalformedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmsEventsTest {

    private static final Instant AT = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void theShortCodeCheckAgreesWithItsPattern() {
        HandCheckedRules.agree(SmsAddresses::isShortCode, SmsAddresses.SHORT_CODE, "0123456789", "0123456789", "+1 a１", 10);
        assertThat(SmsAddresses.isShortCode(null)).isFalse();
    }

    @Test
    void moRoundTripsThroughTheSerde() {
        SmsMo mo = SmsMo.of("mo-1", "+447700900001", "20123", "1 Hello there", AT, "smsc0", 1, "abc");
        JsonEventSerde<SmsMo> serde = new JsonEventSerde<>(SmsMo.class);
        assertThat(serde.deserialize("sms.mo.v1", serde.serialize("sms.mo.v1", mo))).isEqualTo(mo);
    }

    @Test
    void moFingerprintRoundTripsAndRecordsWithoutOneStillRead() {
        JsonEventSerde<SmsMo> serde = new JsonEventSerde<>(SmsMo.class);
        SmsMo mo = SmsMo.of("mo-1", "+447700900001", "20123", "1 Hello there", AT, "smsc0", 1, null, "Xy3_abc-def");
        assertThat(serde.deserialize("sms.mo.v1", serde.serialize("sms.mo.v1", mo)).fingerprint()).isEqualTo("Xy3_abc-def");
        String old = "{\"schemaVersion\":1,\"id\":\"mo-1\",\"from\":\"+447700900001\",\"to\":\"20123\","
                + "\"text\":\"hi\",\"receivedAt\":\"2026-11-23T12:00:00Z\",\"smscId\":\"smsc0\",\"segments\":1}";
        SmsMo read = serde.deserialize("sms.mo.v1", old.getBytes(StandardCharsets.UTF_8));
        assertThat(read.fingerprint()).isNull();
        assertThat(read.text()).isEqualTo("hi");
    }

    @Test
    void mtAndDlrRoundTrip() {
        SmsMt mt = SmsMt.of("req-1", "20123", "+447700900001", "Hi ☺", AT, true, "im.reply");
        JsonEventSerde<SmsMt> mtSerde = new JsonEventSerde<>(SmsMt.class);
        assertThat(mtSerde.deserialize("sms.mt.v1", mtSerde.serialize("sms.mt.v1", mt))).isEqualTo(mt);
        SmsDlr dlr = SmsDlr.of("req-1", "+447700900001", SmsDlr.Status.DELIVERED, List.of("1", "2"), null, AT, null);
        JsonEventSerde<SmsDlr> dlrSerde = new JsonEventSerde<>(SmsDlr.class);
        assertThat(dlrSerde.deserialize("sms.dlr.v1", dlrSerde.serialize("sms.dlr.v1", dlr))).isEqualTo(dlr);
    }

    @Test
    void aBinaryMtRoundTripsWithItsPortsAndATextMtOfTheFirstSchemaStillReads() {
        byte[] push = {0x01, 0x06, 0x02, (byte) 0xC6, (byte) 0xAF, 'W', 'V', 'C', 'I'};
        SmsMt mt = SmsMt.binary("cir-1", "20123", "+447700900001", new SmsMt.Binary(push, 2948, 9200), AT, false, "wv.cir");
        JsonEventSerde<SmsMt> serde = new JsonEventSerde<>(SmsMt.class);
        SmsMt read = serde.deserialize("sms.mt.v1", serde.serialize("sms.mt.v1", mt));
        assertThat(read).isEqualTo(mt);
        assertThat(read.carriesBinary()).isTrue();
        assertThat(read.text()).isNull();
        assertThat(read.binary().data()).containsExactly(push);
        assertThat(read.binary().destinationPort()).isEqualTo(2948);
        assertThat(read.toString()).contains("bytes=9").doesNotContain("WVCI");

        String firstSchema = "{\"schemaVersion\":1,\"requestId\":\"r\",\"from\":\"20123\",\"to\":\"+447700900001\","
                + "\"text\":\"x\",\"expiresAt\":\"2026-11-23T12:00:00Z\",\"receiptWanted\":false}";
        SmsMt text = serde.deserialize("sms.mt.v1", firstSchema.getBytes(StandardCharsets.UTF_8));
        assertThat(text.carriesBinary()).isFalse();
        assertThat(text.text()).isEqualTo("x");
    }

    @Test
    void aBinaryMtIsMalformedWithATextTooOrBadPortsOrNoData() {
        String both = "{\"schemaVersion\":1,\"requestId\":\"r\",\"from\":\"20123\",\"to\":\"+447700900001\","
                + "\"text\":\"x\",\"expiresAt\":\"2026-11-23T12:00:00Z\",\"receiptWanted\":false,"
                + "\"binary\":{\"data\":\"AQI=\",\"destinationPort\":2948}}";
        assertThatThrownBy(() -> new JsonEventSerde<>(SmsMt.class).deserialize("sms.mt.v1", both.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEvent.class);
        String notE164 = "{\"schemaVersion\":1,\"id\":\"mo-1\",\"from\":\"447700900001\",\"to\":\"20123\","
                + "\"text\":\"hi\",\"receivedAt\":\"2026-11-23T12:00:00Z\",\"smscId\":\"smsc0\",\"segments\":1}";
        assertThatThrownBy(() -> new JsonEventSerde<>(SmsMo.class).deserialize("sms.mo.v1", notE164.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("not a valid SmsMo").hasMessageContaining("E.164");
        assertThatThrownBy(() -> new SmsMt.Binary(new byte[1], 70_000, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmsMt.Binary(new byte[1], null, 9200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmsMt.Binary(new byte[0], 2948, 9200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmsMt.Binary(new byte[SmsMt.MAX_BINARY_LENGTH + 1], 2948, 9200))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidNumbersAndVersionsAreMalformed() {
        assertThatThrownBy(() -> SmsMo.of("mo-1", "07700900001", "20123", "x", AT, "smsc0", 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from");
        assertThatThrownBy(() -> SmsMt.of("r", "20123", "+4477", "x", AT, false, null))
                .isInstanceOf(IllegalArgumentException.class);
        String v2 = "{\"schemaVersion\":2,\"requestId\":\"r\",\"from\":\"20123\",\"to\":\"+447700900001\","
                + "\"text\":\"x\",\"expiresAt\":\"2026-11-23T12:00:00Z\",\"receiptWanted\":false}";
        assertThatThrownBy(() -> new JsonEventSerde<>(SmsMt.class).deserialize("sms.mt.v1", v2.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("schemaVersion");
    }

    @Test
    void identifiersLongerThanEveryConsumerStoresAreMalformedOnReading() {
        // one over-long id must be dead-lettered by each consumer alike, never fail (and block) one consumer's database
        String longId = "m".repeat(SmsAddresses.MAX_ID_LENGTH + 1);
        String mo = "{\"schemaVersion\":1,\"id\":\"" + longId + "\",\"from\":\"+447700900001\",\"to\":\"20123\","
                + "\"text\":\"x\",\"receivedAt\":\"2026-11-23T12:00:00Z\",\"smscId\":\"smsc0\",\"segments\":1}";
        assertThatThrownBy(() -> new JsonEventSerde<>(SmsMo.class).deserialize("sms.mo.v1", mo.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("id is longer than 128");
        String atLimit = "m".repeat(SmsAddresses.MAX_ID_LENGTH);
        assertThat(SmsMo.of(atLimit, "+447700900001", "20123", "x", AT, "smsc0", 1, "s".repeat(64)).id()).isEqualTo(atLimit);

        assertThatThrownBy(() -> SmsMo.of("mo-1", "+447700900001", "20123", "x", AT, "smsc0", 1, "s".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("smscMessageId");
        assertThatThrownBy(() -> SmsDlr.of(longId, "+447700900001", SmsDlr.Status.DELIVERED, List.of("1"), null, AT, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestId");
        assertThatThrownBy(() -> SmsDlr.of("r", "+447700900001", SmsDlr.Status.DELIVERED, List.of("s".repeat(65)), null, AT, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("smscMessageIds");
        assertThatThrownBy(() -> SmsDlr.of("r", "+447700900001", SmsDlr.Status.FAILED, List.of("1"), "e".repeat(33), AT, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("errorCode");
        assertThatThrownBy(() -> SmsMt.of("r", "20123", "+447700900001", "x", AT, false, "s".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("service");
    }

    @Test
    void numbersAreMaskedAndBodiesNeverPrinted() {
        assertThat(Msisdn.mask("+447700900001")).isEqualTo("+4477009***01");
        SmsMt mt = SmsMt.of("req-1", "20123", "+447700900001", "secret words", AT, true, null);
        assertThat(mt.toString()).doesNotContain("secret").doesNotContain("+447700900001");
    }
}
