package io.mobim.events.charging;

import io.mobim.events.IsoInstantDeserializer;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@link ChargingEvent} with Jackson's streaming parser, field by field, into the record's constructor,
 * which validates it as before. Every value in the form the producers write (strings, integers, booleans, nulls,
 * canonical UUIDs and instants) is read directly; any other form goes to Jackson's standard deserializer of the
 * field's type, so the same inputs are accepted and rejected as with the generic record mapping (unknown fields
 * skipped, missing ones null or 0, null for a primitive an error, {@code service} null = false). Why: Jackson's
 * generic creator path (buffering 17 properties) and its {@code Instant} parsing were half of billing's listener CPU.
 */
public final class ChargingEventDeserializer extends ValueDeserializer<ChargingEvent> {

    private static final ValueDeserializer<Instant> INSTANT = new IsoInstantDeserializer();
    private static final ChargingKind[] KINDS = ChargingKind.values();
    private static final Channel[] CHANNELS = Channel.values();
    private static final ChargedRole[] ROLES = ChargedRole.values();

    @Override
    public Class<?> handledType() {
        return ChargingEvent.class;
    }

    @Override
    public ChargingEvent deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        String name;
        if (p.isExpectedStartObjectToken()) {
            name = p.nextName();
        } else if (p.hasToken(JsonToken.PROPERTY_NAME)) {
            name = p.currentName();
        } else {
            return (ChargingEvent) ctxt.handleUnexpectedToken(ChargingEvent.class, p);
        }
        int schemaVersion = 0;
        UUID eventId = null;
        Instant eventTime = null;
        String nodeId = null;
        long sequence = 0;
        ChargingKind kind = null;
        Channel channel = null;
        boolean service = false;
        String chargedMsisdn = null;
        ChargedRole chargedRole = null;
        String tariffPlan = null;
        String messageId = null;
        String otherParty = null;
        String otherOperator = null;
        String smscReference = null;
        Integer segments = null;
        Long bytes = null;
        for (; name != null; name = p.nextName()) {
            JsonToken t = p.nextToken();
            try {
                switch (name) {
                    case "schemaVersion" -> schemaVersion = t == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : ctxt.readValue(p, int.class);
                    case "eventId" -> eventId = uuid(p, ctxt, t);
                    case "eventTime" -> eventTime = t == JsonToken.VALUE_NULL ? null : INSTANT.deserialize(p, ctxt);
                    case "nodeId" -> nodeId = string(p, ctxt, t);
                    case "sequence" -> sequence = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : ctxt.readValue(p, long.class);
                    case "kind" -> kind = constant(p, ctxt, t, KINDS, ChargingKind.class);
                    case "channel" -> channel = constant(p, ctxt, t, CHANNELS, Channel.class);
                    case "service" -> service = switch (t) {
                        case VALUE_TRUE -> true;
                        case VALUE_FALSE, VALUE_NULL -> false;   // null reads as false (@JsonSetter(nulls = AS_EMPTY))
                        default -> ctxt.readValue(p, boolean.class);
                    };
                    case "chargedMsisdn" -> chargedMsisdn = string(p, ctxt, t);
                    case "chargedRole" -> chargedRole = constant(p, ctxt, t, ROLES, ChargedRole.class);
                    case "tariffPlan" -> tariffPlan = string(p, ctxt, t);
                    case "messageId" -> messageId = string(p, ctxt, t);
                    case "otherParty" -> otherParty = string(p, ctxt, t);
                    case "otherOperator" -> otherOperator = string(p, ctxt, t);
                    case "smscReference" -> smscReference = string(p, ctxt, t);
                    case "segments" -> segments = switch (t) {
                        case VALUE_NUMBER_INT -> p.getIntValue();
                        case VALUE_NULL -> null;
                        default -> ctxt.readValue(p, Integer.class);
                    };
                    case "bytes" -> bytes = switch (t) {
                        case VALUE_NUMBER_INT -> p.getLongValue();
                        case VALUE_NULL -> null;
                        default -> ctxt.readValue(p, Long.class);
                    };
                    default -> p.skipChildren();   // a newer producer's optional field
                }
            } catch (JacksonException e) {
                throw DatabindException.wrapWithPath(ctxt, e, new JacksonException.Reference(ChargingEvent.class, name));
            }
        }
        try {
            return new ChargingEvent(schemaVersion, eventId, eventTime, nodeId, sequence, kind, channel, service,
                    chargedMsisdn, chargedRole, tariffPlan, messageId, otherParty, otherOperator, smscReference,
                    segments, bytes);
        } catch (IllegalArgumentException | NullPointerException invalid) {
            // the same ValueInstantiationException ("Cannot construct instance of ..., problem: ...") as the record mapping
            return (ChargingEvent) ctxt.handleInstantiationProblem(ChargingEvent.class, null, invalid);
        }
    }

    private static String string(JsonParser p, DeserializationContext ctxt, JsonToken t) {
        return switch (t) {
            case VALUE_STRING -> p.getString();
            case VALUE_NULL -> null;
            default -> ctxt.readValue(p, String.class);   // scalars coerced, structures rejected, as before
        };
    }

    private static <E extends Enum<E>> E constant(JsonParser p, DeserializationContext ctxt, JsonToken t, E[] values,
            Class<E> type) {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_STRING) {
            String text = p.getString();
            for (E value : values) {
                if (value.name().equals(text)) {
                    return value;
                }
            }
        }
        return ctxt.readValue(p, type);
    }

    private static UUID uuid(JsonParser p, DeserializationContext ctxt, JsonToken t) {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_STRING) {
            UUID fast = canonicalUuid(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
            if (fast != null) {
                return fast;
            }
        }
        return ctxt.readValue(p, UUID.class);
    }

    /** The UUID in 8-4-4-4-12 hex form, or null if it is not in that form (the caller falls back). */
    static UUID canonicalUuid(char[] text, int offset, int length) {
        if (length != 36) {
            return null;
        }
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 36; i++) {
            char c = text[offset + i];
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return null;
                }
                continue;
            }
            int nibble = hex(c);
            if (nibble < 0) {
                return null;
            }
            if (i < 18) {
                msb = msb << 4 | nibble;
            } else {
                lsb = lsb << 4 | nibble;
            }
        }
        return new UUID(msb, lsb);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
