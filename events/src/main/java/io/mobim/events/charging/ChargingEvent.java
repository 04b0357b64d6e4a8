package io.mobim.events.charging;

import io.mobim.events.Msisdn;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.mobim.events.sms.SmsAddresses;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One chargeable fact, published on {@code charging.v1} (keyed by {@link #chargedMsisdn()}) by the IM core's
 * outbox and rated by billing. Written in the same database transaction as the fact itself; consumers
 * deduplicate on {@link #eventId()}.
 *
 * <p>The JSON form (field names = component names, ISO-8601 instant) is published as a JSON Schema in
 * {@value #SCHEMA_RESOURCE}. Evolution: new fields are optional and ignored by older readers; a change that
 * older readers cannot ignore bumps {@link #SCHEMA_VERSION} (and, if incompatible, the topic name).
 *
 * @param schemaVersion  version of this contract the producer wrote, 1..{@link #SCHEMA_VERSION}
 * @param eventId        producer-minted id, stable across retries and relays: the dedupe key
 * @param eventTime      when the fact happened (not when it was relayed); rating uses it
 * @param nodeId         the IM node that wrote the fact (outbox owner)
 * @param sequence       per-node sequence number, starting at 1, without gaps: billing reports gaps
 * @param kind           what is charged
 * @param channel        how the charged party reached the service
 * @param service        a service message (help, authorization request, command reply): not charged as IM
 * @param chargedMsisdn  the charged party, E.164 with '+'
 * @param chargedRole    the charged party's role; for messages it gives the direction
 * @param tariffPlan     the charged party's tariff plan id as the IM core knows it at event time, or null
 * @param messageId      the platform's message id (MESSAGE only, required): correlates both legs, the
 *                       message log and the SMS gateway
 * @param otherParty     the other party's address (MSISDN, short code or IM handle), or null
 * @param otherOperator  the other party's operator (TADIG or MCC-MNC), or null when it is the home operator
 * @param smscReference  the SMS-C message reference (SMS only), or null when the SMS-C has not answered yet
 * @param segments       SMS segments of a concatenated message (SMS messages only, required, &gt;= 1)
 * @param bytes          data volume in bytes (SESSION_DATA only, required, &gt;= 0)
 */
public record ChargingEvent(
        int schemaVersion,
        UUID eventId,
        Instant eventTime,
        String nodeId,
        long sequence,
        ChargingKind kind,
        Channel channel,
        @JsonSetter(nulls = Nulls.AS_EMPTY) boolean service,
        String chargedMsisdn,
        ChargedRole chargedRole,
        String tariffPlan,
        String messageId,
        String otherParty,
        String otherOperator,
        String smscReference,
        Integer segments,
        Long bytes) {

    /** The contract version this code writes and the newest it reads. */
    public static final int SCHEMA_VERSION = 1;
    /** Classpath location of the published JSON Schema. */
    public static final String SCHEMA_RESOURCE = "/schemas/charging.v1.schema.json";
    /** Tariff plan ids: upper-case letters, digits and '_'. */
    public static final Pattern PLAN_ID = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    public ChargingEvent {
        if (schemaVersion < 1 || schemaVersion > SCHEMA_VERSION) {
            throw new IllegalArgumentException("unsupported schemaVersion " + schemaVersion + " (reads 1.." + SCHEMA_VERSION + ")");
        }
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventTime, "eventTime");
        requireText(nodeId, "nodeId", 64);
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be >= 1: " + sequence);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(chargedMsisdn, "chargedMsisdn");
        if (!Msisdn.isE164(chargedMsisdn)) {
            throw new IllegalArgumentException("chargedMsisdn is not E.164 (+[1-9][0-9]{6,14})");
        }
        Objects.requireNonNull(chargedRole, "chargedRole");
        if (tariffPlan != null && !isPlanId(tariffPlan)) {
            throw new IllegalArgumentException("tariffPlan is not a plan id: " + tariffPlan);
        }
        optionalText(otherParty, "otherParty", 128);
        optionalText(otherOperator, "otherOperator", 32);
        switch (kind) {
            case MESSAGE -> {
                if (chargedRole == ChargedRole.SUBSCRIBER) {
                    throw new IllegalArgumentException("a MESSAGE is charged to its ORIGINATOR or RECIPIENT");
                }
                requireText(messageId, "messageId", 128);
                if (bytes != null) {
                    throw new IllegalArgumentException("bytes is for SESSION_DATA only");
                }
            }
            case SESSION_DATA, DAILY_ACCESS -> {
                if (chargedRole != ChargedRole.SUBSCRIBER) {
                    throw new IllegalArgumentException(kind + " is charged to the SUBSCRIBER role");
                }
                if (service) {
                    throw new IllegalArgumentException("service is for MESSAGE only");
                }
                optionalText(messageId, "messageId", 128);
                if (kind == ChargingKind.SESSION_DATA) {
                    if (bytes == null || bytes < 0) {
                        throw new IllegalArgumentException("SESSION_DATA needs bytes >= 0");
                    }
                } else if (bytes != null) {
                    throw new IllegalArgumentException("bytes is for SESSION_DATA only");
                }
            }
        }
        if (kind == ChargingKind.MESSAGE && channel == Channel.SMS) {
            if (segments == null || segments < 1 || segments > 255) {
                throw new IllegalArgumentException("an SMS message needs segments in 1..255");
            }
            optionalText(smscReference, "smscReference", 65);
        } else if (segments != null || smscReference != null) {
            throw new IllegalArgumentException("segments and smscReference are for SMS messages only");
        }
    }

    /**
     * Whether {@code s} is a tariff plan id ({@link #PLAN_ID}), checked by hand: every charging event is checked where
     * it is made and where it is read, and the regular-expression engine's code is costly for the JIT on that path.
     */
    public static boolean isPlanId(String s) {
        if (s.isEmpty() || s.length() > 64 || s.charAt(0) < 'A' || s.charAt(0) > 'Z') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** The Kafka key: the charged MSISDN, so that one subscriber's events stay in order on one partition. */
    public String key() {
        return chargedMsisdn;
    }

    /** SENT or RECEIVED for a message, {@code null} for session data and daily access. */
    public Direction direction() {
        return chargedRole.direction();
    }

    @Override
    public String toString() {
        // records end up in logs: numbers are masked
        return "ChargingEvent[" + eventId + ", " + kind + "/" + channel + (service ? "/service" : "") + ", " + nodeId + "#"
                + sequence + ", at=" + eventTime + ", charged=" + Msisdn.mask(chargedMsisdn) + " " + chargedRole
                + ", plan=" + tariffPlan + ", messageId=" + messageId + ", other=" + Msisdn.mask(otherParty)
                + (otherOperator == null ? "" : "@" + otherOperator)
                + (segments == null ? "" : ", smsc=" + smscReference + ", segments=" + segments)
                + (bytes == null ? "" : ", bytes=" + bytes) + "]";
    }

    /** A builder; {@link Builder#build()} validates as the constructor does. */
    public static Builder builder() {
        return new Builder();
    }

    private static void requireText(String value, String name, int max) {
        Objects.requireNonNull(value, name);
        optionalText(value, name, max);
    }

    private static void optionalText(String value, String name, int max) {
        if (value != null && (value.isBlank() || value.length() > max)) {
            throw new IllegalArgumentException(name + " must be 1.." + max + " non-blank characters");
        }
    }

    /** Builds a {@link ChargingEvent}; schemaVersion defaults to {@link #SCHEMA_VERSION}. */
    public static final class Builder {
        private int schemaVersion = SCHEMA_VERSION;
        private UUID eventId;
        private Instant eventTime;
        private String nodeId;
        private long sequence;
        private ChargingKind kind;
        private Channel channel;
        private boolean service;
        private String chargedMsisdn;
        private ChargedRole chargedRole;
        private String tariffPlan;
        private String messageId;
        private String otherParty;
        private String otherOperator;
        private String smscReference;
        private Integer segments;
        private Long bytes;

        private Builder() {
        }

        public Builder schemaVersion(int v) { this.schemaVersion = v; return this; }
        public Builder eventId(UUID v) { this.eventId = v; return this; }
        public Builder eventTime(Instant v) { this.eventTime = v; return this; }
        /** The writing node and its next sequence number. */
        public Builder origin(String node, long seq) { this.nodeId = node; this.sequence = seq; return this; }
        public Builder kind(ChargingKind v) { this.kind = v; return this; }
        public Builder channel(Channel v) { this.channel = v; return this; }
        public Builder service(boolean v) { this.service = v; return this; }
        /** The charged party and its role. */
        public Builder charged(String msisdn, ChargedRole role) { this.chargedMsisdn = msisdn; this.chargedRole = role; return this; }
        public Builder tariffPlan(String v) { this.tariffPlan = v; return this; }
        public Builder messageId(String v) { this.messageId = v; return this; }
        /** The other party and its operator (null for the home operator). */
        public Builder other(String party, String operator) { this.otherParty = party; this.otherOperator = operator; return this; }
        /** SMS-C reference (may be null) and segment count of an SMS message. */
        public Builder sms(String reference, int segmentCount) { this.smscReference = reference; this.segments = segmentCount; return this; }
        public Builder bytes(long v) { this.bytes = v; return this; }

        public ChargingEvent build() {
            return new ChargingEvent(schemaVersion, eventId, eventTime, nodeId, sequence, kind, channel, service,
                    chargedMsisdn, chargedRole, tariffPlan, messageId, otherParty, otherOperator, smscReference,
                    segments, bytes);
        }
    }
}
