package io.mobim.events.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The streaming writers write, byte for byte, what Jackson's generic record mapping writes (what every consumer of
 * {@code sms.mo.v1} and {@code sms.dlr.v1} was built against), and what they write reads back equal.
 */
class SmsEventSerializersTest {

    /** The generic mapping, as {@link EventJson} was configured before the streaming writers. */
    private static final JsonMapper GENERIC = JsonMapper.builder().disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    static Stream<SmsMo> mos() {
        return Stream.of(
                SmsMo.of("019af0e2-1c3d-7a4b-8f00-1234567890ab", "+447700900101", "20123", "1 Hello there",
                        Instant.parse("2026-12-07T06:01:02.345Z"), "smsc-a", 1, null, "tAbCdEfGhIjKlMnOpQrStUv"),
                SmsMo.of("mo-2", "+447700900102", "20123", "caf\u00e9 \"quoted\" \\ back\tslash\n\u20ac \ud83d\ude00",
                        Instant.parse("2026-12-07T06:01:02Z"), "smsc-b", 3, "4F2A", null),
                new SmsMo(1, "mo-3", "+33612345678", "20123", "", Instant.parse("1999-12-31T23:59:59.123456789Z"), "smsc-c", 1, null));
    }

    static Stream<SmsDlr> dlrs() {
        return Stream.of(
                SmsDlr.of("req-1", "+447700900101", SmsDlr.Status.ACCEPTED, List.of("1A2B"), null,
                        Instant.parse("2026-12-07T06:01:02.345Z"), null),
                SmsDlr.of("svc-\"x\"", "+447700900102", SmsDlr.Status.FAILED, List.of("a", "b", "c"), "0x00000058",
                        Instant.parse("2026-12-07T06:01:02Z"), "im.message"),
                SmsDlr.of("req-3", "+447700900103", SmsDlr.Status.EXPIRED, List.of(), "err:003",
                        Instant.parse("2026-12-07T06:01:02.100200300Z"), null));
    }

    @ParameterizedTest
    @MethodSource("mos")
    void an_mo_is_written_as_the_generic_mapping_writes_it(SmsMo mo) {
        assertThat(text(EventJson.mapper().writeValueAsBytes(mo))).isEqualTo(text(GENERIC.writeValueAsBytes(mo)));
        assertThat(EventJson.mapper().readValue(EventJson.mapper().writeValueAsBytes(mo), SmsMo.class)).isEqualTo(mo);
    }

    @ParameterizedTest
    @MethodSource("dlrs")
    void an_outcome_is_written_as_the_generic_mapping_writes_it(SmsDlr dlr) {
        assertThat(text(EventJson.mapper().writeValueAsBytes(dlr))).isEqualTo(text(GENERIC.writeValueAsBytes(dlr)));
        assertThat(EventJson.mapper().readValue(EventJson.mapper().writeValueAsBytes(dlr), SmsDlr.class)).isEqualTo(dlr);
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
