package io.mobim.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.sms.SmsMo;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

class IsoInstantSerializerTest {

    @Test
    void writes_what_instant_to_string_writes() {
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-70_000_000_000L, 260_000_000_000L),
                    switch (i % 5) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1000;
                        case 3 -> random.nextInt(10) * 100_000_000;
                        default -> random.nextInt(1_000_000_000);
                    });
            assertThat(IsoInstantSerializer.format(instant)).isEqualTo(instant.toString());
        }
        for (Instant edge : new Instant[] {Instant.EPOCH, Instant.ofEpochSecond(-1), Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("2024-02-29T12:00:00.000001Z"),
                Instant.MIN, Instant.MAX}) {
            assertThat(IsoInstantSerializer.format(edge)).isEqualTo(edge.toString());
        }
    }

    @Test
    void events_read_the_same_json_as_the_generic_mapping_writes() {
        JsonMapper generic = JsonMapper.builder().disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        SmsMo mo = SmsMo.of("mo-1", "+447700900101", "20123", "1 Hello there", Instant.parse("2026-12-07T06:01:02.345Z"),
                "smsc-a", 1, null, "rfingerprint");
        assertThat(new String(EventJson.mapper().writeValueAsBytes(mo)))
                .isEqualTo(new String(generic.writeValueAsBytes(mo)))
                .contains("\"2026-12-07T06:01:02.345Z\"");
    }
}
