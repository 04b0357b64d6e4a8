package io.mobim.events.sms;

import io.mobim.events.IsoInstantSerializer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes {@link SmsMo} and {@link SmsDlr} with Jackson's streaming generator, field by field, exactly as the generic
 * record mapping writes them: every component in declaration order, nulls included, the status by name, the instant
 * as {@link IsoInstantSerializer} writes it ({@code SmsEventSerializersTest} holds them to that, byte for byte). Why:
 * every SMS command is one of each, written on the gateway's PDU and outcome threads, and the generic bean path (an
 * accessor call through a method handle per field) is code a command runs through that these need none of.
 */
public final class SmsEventSerializers {

    private static final SerializableString SCHEMA_VERSION = new SerializedString("schemaVersion");
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString FROM = new SerializedString("from");
    private static final SerializableString TO = new SerializedString("to");
    private static final SerializableString TEXT = new SerializedString("text");
    private static final SerializableString RECEIVED_AT = new SerializedString("receivedAt");
    private static final SerializableString SMSC_ID = new SerializedString("smscId");
    private static final SerializableString SEGMENTS = new SerializedString("segments");
    private static final SerializableString SMSC_MESSAGE_ID = new SerializedString("smscMessageId");
    private static final SerializableString FINGERPRINT = new SerializedString("fingerprint");
    private static final SerializableString REQUEST_ID = new SerializedString("requestId");
    private static final SerializableString STATUS = new SerializedString("status");
    private static final SerializableString SMSC_MESSAGE_IDS = new SerializedString("smscMessageIds");
    private static final SerializableString ERROR_CODE = new SerializedString("errorCode");
    private static final SerializableString AT = new SerializedString("at");
    private static final SerializableString SERVICE = new SerializedString("service");

    private SmsEventSerializers() {
    }

    /** The writer of {@link SmsMo}. */
    public static ValueSerializer<SmsMo> mo() {
        return MoSerializer.INSTANCE;
    }

    /** The writer of {@link SmsDlr}. */
    public static ValueSerializer<SmsDlr> dlr() {
        return DlrSerializer.INSTANCE;
    }

    private static final class MoSerializer extends ValueSerializer<SmsMo> {
        static final MoSerializer INSTANCE = new MoSerializer();

        @Override
        public Class<?> handledType() {
            return SmsMo.class;
        }

        @Override
        public void serialize(SmsMo mo, JsonGenerator g, SerializationContext ctxt) throws JacksonException {
            g.writeStartObject(mo);
            g.writeName(SCHEMA_VERSION);
            g.writeNumber(mo.schemaVersion());
            g.writeName(ID);
            g.writeString(mo.id());
            g.writeName(FROM);
            g.writeString(mo.from());
            g.writeName(TO);
            g.writeString(mo.to());
            g.writeName(TEXT);
            g.writeString(mo.text());
            g.writeName(RECEIVED_AT);
            g.writeString(IsoInstantSerializer.format(mo.receivedAt()));
            g.writeName(SMSC_ID);
            g.writeString(mo.smscId());
            g.writeName(SEGMENTS);
            g.writeNumber(mo.segments());
            g.writeName(SMSC_MESSAGE_ID);
            g.writeString(mo.smscMessageId());
            g.writeName(FINGERPRINT);
            g.writeString(mo.fingerprint());
            g.writeEndObject();
        }
    }

    private static final class DlrSerializer extends ValueSerializer<SmsDlr> {
        static final DlrSerializer INSTANCE = new DlrSerializer();

        @Override
        public Class<?> handledType() {
            return SmsDlr.class;
        }

        @Override
        public void serialize(SmsDlr dlr, JsonGenerator g, SerializationContext ctxt) throws JacksonException {
            g.writeStartObject(dlr);
            g.writeName(SCHEMA_VERSION);
            g.writeNumber(dlr.schemaVersion());
            g.writeName(REQUEST_ID);
            g.writeString(dlr.requestId());
            g.writeName(TO);
            g.writeString(dlr.to());
            g.writeName(STATUS);
            g.writeString(dlr.status().name());
            g.writeName(SMSC_MESSAGE_IDS);
            g.writeStartArray(dlr.smscMessageIds(), dlr.smscMessageIds().size());
            for (String id : dlr.smscMessageIds()) {
                g.writeString(id);
            }
            g.writeEndArray();
            g.writeName(ERROR_CODE);
            g.writeString(dlr.errorCode());
            g.writeName(AT);
            g.writeString(IsoInstantSerializer.format(dlr.at()));
            g.writeName(SERVICE);
            g.writeString(dlr.service());
            g.writeEndObject();
        }
    }
}
