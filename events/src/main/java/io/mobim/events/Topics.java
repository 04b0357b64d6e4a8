package io.mobim.events;

import java.util.List;

/**
 * The Kafka topics that connect the modules (see docs/architecture.md). Every topic is versioned in its
 * name: an incompatible change of a record's shape gets a new topic, never a silent change of an old one.
 */
public final class Topics {

    /** Mobile-originated SMS, keyed by the sender's MSISDN. smpp → im. */
    public static final String SMS_MO = "sms.mo.v1";
    /** Mobile-terminated SMS to submit, keyed by the recipient's MSISDN. im → smpp. */
    public static final String SMS_MT = "sms.mt.v1";
    /** Delivery receipts and MT outcomes, keyed by the recipient's MSISDN. smpp → im. */
    public static final String SMS_DLR = "sms.dlr.v1";
    /** Chargeable facts, keyed by the charged MSISDN. im (outbox) → billing. */
    public static final String CHARGING = "charging.v1";
    /** Traffic exchanged with peer operators, keyed by the operator pair. im (outbox) → clearing. */
    public static final String INTEROP_RECORDS = "interop.records.v1";

    /**
     * Messages for subscribers of peer operators, to hand over on the server-to-server interface, keyed by the peer
     * operator. im (outbox) → im: a peer that is down holds its messages here, nothing is lost.
     */
    public static final String INTEROP_OUTBOUND = "interop.outbound.v1";

    /** The IM core's consumer group on {@link #SMS_MO}; the gateway reads its lag to hold MOs while it is behind. */
    public static final String SMS_MO_IM_GROUP = "mobim-im-mo";

    /** Suffix of a dead-letter topic: poison records land there with the reason, keyed as the original. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    /** The topics that carry traffic, in the order of the design document. */
    public static final List<String> MAIN = List.of(SMS_MO, SMS_MT, SMS_DLR, CHARGING, INTEROP_RECORDS, INTEROP_OUTBOUND);

    /** The header of a dead letter that says, in words, why its record could not be handled (every consumer writes it). */
    public static final String DEAD_LETTER_REASON_HEADER = "mobim_dlt_reason";

    /** The header of a dead letter that names the kind of failure ({@code PERMANENT}, {@code UNKNOWN}; see {@code FailureKind}). */
    public static final String DEAD_LETTER_KIND_HEADER = "mobim_dlt_kind";

    /**
     * The header of a record replayed from a dead-letter topic onto its original topic: where it was replayed from,
     * {@code <dlt>-<partition>@<offset>}. Consumers dedupe by event id, so a replay of a handled record changes nothing.
     */
    public static final String REPLAYED_FROM_HEADER = "mobim_replayed_from";

    private Topics() {
    }

    /** Whether {@code topic} is a dead-letter topic. */
    public static boolean isDeadLetter(String topic) {
        return topic.endsWith(DEAD_LETTER_SUFFIX);
    }

    /** The topic whose dead letters {@code deadLetterTopic} holds: {@code charging.v1.dlt} → {@code charging.v1}. */
    public static String originalOf(String deadLetterTopic) {
        if (!isDeadLetter(deadLetterTopic)) {
            throw new IllegalArgumentException("not a dead-letter topic: " + deadLetterTopic);
        }
        return deadLetterTopic.substring(0, deadLetterTopic.length() - DEAD_LETTER_SUFFIX.length());
    }

    /** The dead-letter topic of {@code topic}: {@code charging.v1} → {@code charging.v1.dlt}. */
    public static String deadLetter(String topic) {
        if (isDeadLetter(topic)) {
            throw new IllegalArgumentException("already a dead-letter topic: " + topic);
        }
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** Every topic the platform needs: the main topics and their dead-letter topics. */
    public static List<String> all() {
        return MAIN.stream().flatMap(t -> java.util.stream.Stream.of(t, deadLetter(t))).toList();
    }
}
