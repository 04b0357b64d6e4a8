package io.mobim.events.sms;

import io.mobim.events.Msisdn;
import java.time.Instant;
import java.util.Objects;

/**
 * A mobile-terminated SMS to send. Published on {@code sms.mt.v1} keyed by {@link #to()}; the gateway
 * submits it until the SMS-C accepts it or it expires, at most once per {@link #requestId()}, and reports
 * the outcome on {@code sms.dlr.v1}. It carries either a text or binary data, never both.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param requestId idempotency key chosen by the producer: the same id is never sent twice
 * @param from the sender shown on the handset: a short code (usual), an E.164 number or an alphanumeric id
 * @param to the recipient subscriber, E.164
 * @param text the text, null for a binary MT; the gateway chooses GSM 7-bit or UCS-2 and splits it (never logged)
 * @param expiresAt after this instant the gateway gives up and reports {@link SmsDlr.Status#EXPIRED}
 * @param receiptWanted whether a handset delivery receipt is requested from the SMS-C
 * @param service an optional service/charging marker the producer wants echoed back (e.g. {@code im.reply}); may be null
 * @param binary the binary data and its ports, null for a text MT
 */
public record SmsMt(int schemaVersion, String requestId, String from, String to, String text, Instant expiresAt,
                    boolean receiptWanted, String service, Binary binary) {

    public static final int SCHEMA_VERSION = 1;
    /** Longest accepted text in UTF-16 units; the gateway caps the number of parts further. */
    public static final int MAX_TEXT_LENGTH = 2_000;
    /** Most octets of binary data; the gateway caps the number of parts further. */
    public static final int MAX_BINARY_LENGTH = 1_000;
    /** The {@link #service()} of an IM message delivered by SMS: the MTs whose delivery is charged. */
    public static final String IM_MESSAGE = "im.message";

    public SmsMt {
        SmsAddresses.requireSchemaVersion(schemaVersion, SCHEMA_VERSION, "SmsMt");
        SmsAddresses.requireText(requestId, "requestId", SmsAddresses.MAX_ID_LENGTH);
        SmsAddresses.requireSender(from, "from");
        SmsAddresses.requireE164(to, "to");
        if (binary == null) {
            Objects.requireNonNull(text, "text");
            if (text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
                throw new IllegalArgumentException("text must have 1.." + MAX_TEXT_LENGTH + " characters: " + text.length());
            }
        } else if (text != null) {
            throw new IllegalArgumentException("an MT carries a text or binary data, not both");
        }
        Objects.requireNonNull(expiresAt, "expiresAt");
        SmsAddresses.requireAtMost(service, "service", SmsAddresses.MAX_NAME_LENGTH);
    }

    /** A text MT as the first schema wrote it (no binary data). */
    public SmsMt(int schemaVersion, String requestId, String from, String to, String text, Instant expiresAt,
                 boolean receiptWanted, String service) {
        this(schemaVersion, requestId, from, to, text, expiresAt, receiptWanted, service, null);
    }

    /** A text MT of the current schema version. */
    public static SmsMt of(String requestId, String from, String to, String text, Instant expiresAt,
                           boolean receiptWanted, String service) {
        return new SmsMt(SCHEMA_VERSION, requestId, from, to, text, expiresAt, receiptWanted, service, null);
    }

    /** A binary MT of the current schema version (sent as 8-bit data, data_coding 0x04). */
    public static SmsMt binary(String requestId, String from, String to, Binary binary, Instant expiresAt,
                               boolean receiptWanted, String service) {
        return new SmsMt(SCHEMA_VERSION, requestId, from, to, null, expiresAt, receiptWanted, service,
                Objects.requireNonNull(binary, "binary"));
    }

    /** Whether it carries binary data rather than a text. */
    public boolean carriesBinary() {
        return binary != null;
    }

    @Override
    public String toString() {
        return "SmsMt[requestId=" + requestId + ", from=" + from + ", to=" + Msisdn.mask(to)
                + (binary == null ? ", chars=" + text.length() : ", " + binary) + ", expiresAt=" + expiresAt
                + ", receiptWanted=" + receiptWanted + ", service=" + service + "]";
    }

    /**
     * Binary data for an application on the handset, addressed by its port in the user data header (TS 23.040
     * §9.2.3.24.4, 16-bit ports): a WAP push goes to port 2948 from 9200.
     *
     * @param data the octets (1 to {@link #MAX_BINARY_LENGTH}; JSON: Base64)
     * @param destinationPort the application's port on the handset (0..65535), or null to send without ports
     * @param sourcePort the originating port (0..65535), or null (0) when there is no destination port either
     */
    public record Binary(byte[] data, Integer destinationPort, Integer sourcePort) {

        public Binary {
            Objects.requireNonNull(data, "data");
            if (data.length == 0 || data.length > MAX_BINARY_LENGTH) {
                throw new IllegalArgumentException("binary data must have 1.." + MAX_BINARY_LENGTH + " octets: " + data.length);
            }
            data = data.clone();
            requirePort(destinationPort, "destinationPort");
            requirePort(sourcePort, "sourcePort");
            if (destinationPort == null && sourcePort != null) {
                throw new IllegalArgumentException("a sourcePort needs a destinationPort");
            }
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        /** The originating port to write: the one given, else 0. */
        public int sourcePortOrZero() {
            return sourcePort == null ? 0 : sourcePort;
        }

        private static void requirePort(Integer port, String name) {
            if (port != null && (port < 0 || port > 0xFFFF)) {
                throw new IllegalArgumentException(name + " must be 0..65535: " + port);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Binary b && java.util.Arrays.equals(data, b.data)
                    && Objects.equals(destinationPort, b.destinationPort) && Objects.equals(sourcePort, b.sourcePort);
        }

        @Override
        public int hashCode() {
            return Objects.hash(java.util.Arrays.hashCode(data), destinationPort, sourcePort);
        }

        @Override
        public String toString() {
            return "bytes=" + data.length + ", ports=" + destinationPort + "/" + sourcePort;
        }
    }
}
