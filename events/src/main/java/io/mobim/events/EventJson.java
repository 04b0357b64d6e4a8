package io.mobim.events;

import io.mobim.events.charging.ChargingEvent;
import io.mobim.events.charging.ChargingEventDeserializer;
import io.mobim.events.charging.ChargingEventSerializer;
import io.mobim.events.sms.SmsDlr;
import io.mobim.events.sms.SmsEventSerializers;
import io.mobim.events.sms.SmsMo;
import java.time.Instant;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one JSON mapping every producer and consumer of mobim's topics uses, so that a record written by one
 * module reads the same in another. Dates are ISO-8601 strings; unknown fields are ignored so that a newer
 * producer can add optional fields without breaking older consumers (required fields are checked by the
 * records themselves). Instants and {@link ChargingEvent}s (billing's hot path) are read by hand-written streaming
 * code that accepts and rejects exactly what the generic mapping does, only faster; instants are written by hand-written
 * code too, the same characters as the generic mapping; charging events (two per message in the IM core), MOs and
 * MT outcomes are written by streaming writers that write what the generic mapping did.
 * Records are built through {@link SpreadingCreators}.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addModule(new SimpleModule("mobim-events")
                    .addDeserializer(Instant.class, new IsoInstantDeserializer())
                    .addSerializer(Instant.class, new IsoInstantSerializer())
                    .addDeserializer(ChargingEvent.class, new ChargingEventDeserializer())
                    .addSerializer(ChargingEvent.class, ChargingEventSerializer.withOrigin())
                    .addSerializer(SmsMo.class, SmsEventSerializers.mo())
                    .addSerializer(SmsDlr.class, SmsEventSerializers.dlr())
                    .setValueInstantiators(new SpreadingCreators()))
            .build();

    /** Charging events without {@code nodeId} and {@code sequence}: for an outbox whose relaying node stamps them. */
    private static final ObjectWriter CHARGING_WITHOUT_ORIGIN = MAPPER.rebuild()
            .addModule(new SimpleModule("mobim-charging-without-origin")
                    .addSerializer(ChargingEvent.class, ChargingEventSerializer.withoutOrigin()))
            .build().writerFor(ChargingEvent.class);

    private EventJson() {
    }

    /** The shared mapper; it is immutable and thread-safe. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** A writer of {@link ChargingEvent}s without {@code nodeId} and {@code sequence}, which the relaying node appends. */
    public static ObjectWriter chargingEventWithoutOrigin() {
        return CHARGING_WITHOUT_ORIGIN;
    }
}
