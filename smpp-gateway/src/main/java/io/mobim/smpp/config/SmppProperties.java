package io.mobim.smpp.config;

import io.mobim.events.Topics;
import io.mobim.smpp.codec.ConcatMode;
import io.mobim.smpp.codec.SmsTextDecoder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.annotation.Validated;

/**
 * {@code mobim.smpp.*}: the SMS-C links, the MT and MO behaviour.
 *
 * @param smsc the SMS-Cs to bind to ({@code mobim.smpp.smsc[N].*}); when empty, the gateway binds to the
 *             {@link io.mobim.smpp.LocalSmsc} of this process (the all-in-one's simulator), or refuses to start
 * @param mt MT sending ({@code mobim.smpp.mt.*})
 * @param mo MO receiving ({@code mobim.smpp.mo.*})
 * @param kafka the gateway's Kafka producer ({@code mobim.smpp.kafka.*})
 */
@Validated
@ConfigurationProperties("mobim.smpp")
public record SmppProperties(@DefaultValue List<@Valid Smsc> smsc, @Valid @DefaultValue Mt mt, @Valid @DefaultValue Mo mo,
                             @Valid @DefaultValue Kafka kafka) {

    /** Every setting at its default: what binding no properties at all gives (the defaults are written once, above). */
    private static SmppProperties unset() {
        return new Binder().bindOrCreate("mobim.smpp", SmppProperties.class);
    }

    /** How a link binds: one transceiver session, or a transmitter and a receiver session. */
    public enum BindMode {
        /** One BIND_TRX session carries MT, MO and receipts. */
        TRANSCEIVER,
        /** A BIND_TX session for MT and a BIND_RX session for MO and receipts. */
        TRANSMITTER_RECEIVER,
        /** Only BIND_TX: MT only. */
        TRANSMITTER,
        /** Only BIND_RX: MO and receipts only. */
        RECEIVER
    }

    /**
     * One SMS-C link, {@code mobim.smpp.smsc[N].*}.
     *
     * @param id name of the link in metrics, logs and events (unset: {@code smsc<N>})
     * @param host SMS-C address
     * @param port SMS-C port
     * @param systemId system_id to bind with
     * @param password password to bind with (at most 8 characters in SMPP 3.4)
     * @param systemType system_type
     * @param bindType transceiver or transmitter + receiver
     * @param throughput most submit_sm per second on this link; 0 = no limit of the gateway's own: the
     *                   SMS-C enforces its contract with ESME_RTHROTTLED, on which the link pauses and backs off
     * @param window most submit_sm awaiting their response at once on this bind; keep it within what
     *               the SMS-C allows
     * @param enquireLink idle time after which enquire_link is sent
     * @param transactionTimeout how long to wait for a response PDU
     * @param bindTimeout how long to wait for bind_resp
     * @param reconnectInitial first delay before a rebind, doubled up to {@code reconnectMax}
     * @param reconnectMax longest delay between rebind attempts
     * @param defaultAlphabet what data_coding 0 means on MO from this SMS-C
     * @param concatenation how long MTs are tied together: UDH or SAR
     * @param pduProcessorDegree jSMPP worker threads for incoming PDUs; they decode deliver_sm and
     *                           submit_sm_resp and never wait for Kafka or the database
     * @param queueCapacity jSMPP receive queue
     */
    public record Smsc(String id, @NotBlank String host, @DefaultValue("2775") @Min(1) @Max(65535) int port,
                       @NotBlank String systemId, String password, @DefaultValue("") String systemType,
                       @DefaultValue("TRANSCEIVER") @NotNull BindMode bindType,
                       @DefaultValue("0") @Min(0) int throughput, @DefaultValue("32") @Min(1) int window,
                       @DefaultValue("30s") @NotNull Duration enquireLink, @DefaultValue("10s") @NotNull Duration transactionTimeout,
                       @DefaultValue("10s") @NotNull Duration bindTimeout, @DefaultValue("1s") @NotNull Duration reconnectInitial,
                       @DefaultValue("30s") @NotNull Duration reconnectMax,
                       @DefaultValue("GSM7") @NotNull SmsTextDecoder.DefaultAlphabet defaultAlphabet,
                       @DefaultValue("UDH") @NotNull ConcatMode concatenation,
                       @DefaultValue("4") @Min(1) int pduProcessorDegree, @DefaultValue("1000") @Min(1) int queueCapacity) {

        /** A link with the defaults, as the gateway uses for an SMS-C of this process. */
        public static Smsc of(String id, String host, int port, String systemId, String password) {
            Map<String, Object> given = new HashMap<>();
            given.put("smsc.host", host);
            given.put("smsc.port", port);
            given.put("smsc.system-id", systemId);
            if (id != null) {
                given.put("smsc.id", id);
            }
            if (password != null) {
                given.put("smsc.password", password);
            }
            return new Binder(new MapConfigurationPropertySource(given)).bindOrCreate("smsc", Smsc.class);
        }

        public Smsc withId(String newId) {
            return new Smsc(newId, host, port, systemId, password, systemType, bindType, throughput, window, enquireLink,
                    transactionTimeout, bindTimeout, reconnectInitial, reconnectMax, defaultAlphabet, concatenation,
                    pduProcessorDegree, queueCapacity);
        }

        public Smsc withLimits(int newThroughput, int newWindow) {
            return new Smsc(id, host, port, systemId, password, systemType, bindType, newThroughput, newWindow, enquireLink,
                    transactionTimeout, bindTimeout, reconnectInitial, reconnectMax, defaultAlphabet, concatenation,
                    pduProcessorDegree, queueCapacity);
        }

        public Smsc withReconnect(Duration initial, Duration max) {
            return new Smsc(id, host, port, systemId, password, systemType, bindType, throughput, window, enquireLink,
                    transactionTimeout, bindTimeout, initial, max, defaultAlphabet, concatenation, pduProcessorDegree,
                    queueCapacity);
        }

        public Smsc withBindType(BindMode mode) {
            return new Smsc(id, host, port, systemId, password, systemType, mode, throughput, window, enquireLink,
                    transactionTimeout, bindTimeout, reconnectInitial, reconnectMax, defaultAlphabet, concatenation,
                    pduProcessorDegree, queueCapacity);
        }

        public Smsc withConcatenation(ConcatMode mode) {
            return new Smsc(id, host, port, systemId, password, systemType, bindType, throughput, window, enquireLink,
                    transactionTimeout, bindTimeout, reconnectInitial, reconnectMax, defaultAlphabet, mode,
                    pduProcessorDegree, queueCapacity);
        }

        public Smsc withTransactionTimeout(Duration timeout) {
            return new Smsc(id, host, port, systemId, password, systemType, bindType, throughput, window, enquireLink,
                    timeout, bindTimeout, reconnectInitial, reconnectMax, defaultAlphabet, concatenation,
                    pduProcessorDegree, queueCapacity);
        }
    }

    /**
     * MT sending, {@code mobim.smpp.mt.*}.
     *
     * @param maxParts the most SMS parts one MT may take; longer ones are rejected
     * @param retryInitial first delay after a throttled or temporary failure, doubled up to {@code retryMax}
     * @param retryMax longest delay between attempts
     * @param maxInMemory the most MTs held in memory to be sent; more stay PENDING in the ledger and
     *                    are read back in order as these go out (after an SMS-C outage, say)
     * @param consumerGroup Kafka consumer group of {@code sms.mt.v1}
     * @param concurrency Kafka listener threads
     * @param commitInterval how often the listener commits the offsets of MTs already durable in the ledger; a
     *                       crash replays at most this much, and a replayed MT is a duplicate request id, not
     *                       sent again. Not per MT: an offset commit costs the broker more than taking the MT
     * @param ledgerBatch the most acceptances, outcomes and receipts the ledger writer puts in one transaction
     * @param fetchWait how long the listener's fetch waits while no MT is there: it returns as soon as one is (MTs are
     *                  on a subscriber's path), so this only spaces an idle listener's fetches
     * @param soleGateway whether this is the only gateway on the MT ledger: it then sends every MT of the ledger
     *                    whatever {@code sms.mt.v1} partitions Kafka assigns it, and where the IM core runs in the same
     *                    process its outbox hands MTs straight to it; never with several gateways (the all-in-one
     *                    runtime sets it)
     * @param ledgerRetention how long an MT that is over (final, its outcome published, past its validity) stays in the
     *                        ledger, counted from when it was taken; then it is forgotten, hourly. Its request id is
     *                        what keeps a replay of {@code sms.mt.v1} from sending it again, so this must be longer
     *                        than the topic keeps records (7 days unless your Kafka says otherwise)
     */
    public record Mt(@DefaultValue("10") @Min(1) @Max(255) int maxParts, @DefaultValue("500ms") @NotNull Duration retryInitial,
                     @DefaultValue("30s") @NotNull Duration retryMax, @DefaultValue("10000") @Min(1) int maxInMemory,
                     @DefaultValue("mobim-smpp") @NotBlank String consumerGroup, @DefaultValue("1") @Min(1) int concurrency,
                     @DefaultValue("1s") @NotNull Duration commitInterval, @DefaultValue("1000") @Min(1) int ledgerBatch,
                     @DefaultValue("500ms") @NotNull Duration fetchWait, @DefaultValue("false") boolean soleGateway,
                     @DefaultValue("14d") @NotNull Duration ledgerRetention) {

        public Mt {
            if (ledgerRetention != null && (ledgerRetention.isNegative() || ledgerRetention.isZero())) {
                throw new IllegalArgumentException("mobim.smpp.mt.ledger-retention must be positive");
            }
        }

        public static Mt defaults() {
            return unset().mt();
        }
    }

    /**
     * MO and receipt receiving, {@code mobim.smpp.mo.*}.
     *
     * @param ackTimeout how long a deliver_sm waits for Kafka before it is answered "temporary error" so the
     *                   SMS-C retries; also the Kafka producer's {@code delivery.timeout.ms}, so a
     *                   record is not written after the SMS-C was told to send it again
     * @param reassemblyTimeout how long the parts of a long MO are kept waiting for the rest
     * @param maxTextLength the longest reassembled MO text the platform takes, in characters (the
     *                      default is far below the broker's record size); a longer one is refused for good (ESME_RX_P_APPN)
     * @param receiptHold how long a receipt that matches no recorded MT part, or whose MT's ACCEPTED is not yet
     *                    published, is held before it is answered "temporary error"; it is applied
     *                    as soon as the acceptance is recorded
     * @param admission when the gateway stops taking MOs because the platform has not answered those it took
     *                  ({@code mobim.smpp.mo.admission.*})
     */
    public record Mo(@DefaultValue("10s") @NotNull Duration ackTimeout, @DefaultValue("10m") @NotNull Duration reassemblyTimeout,
                     @DefaultValue("4096") @Min(1) @Max(100_000) int maxTextLength,
                     @DefaultValue("10s") @NotNull Duration receiptHold, @Valid @DefaultValue Admission admission) {

        public static Mo defaults() {
            return unset().mo();
        }

        public Mo withAdmission(Admission newAdmission) {
            return new Mo(ackTimeout, reassemblyTimeout, maxTextLength, receiptHold, newAdmission);
        }
    }

    /**
     * MO admission control, {@code mobim.smpp.mo.admission.*}: while the work the platform has taken and not yet
     * answered is at a limit (the MTs queued in this gateway, or the MOs the IM core has not yet handled), a
     * deliver_sm is held unanswered and unpublished, in arrival order, and taken once the backlog is below the limits
     * again; the SMS-C's window then slows it down instead of the backlog growing.
     *
     * @param enabled whether MOs are held while a backlog is at its limit (false, the default: every MO is taken at
     *                once). Off by default because holding costs throughput on a saturated platform (the stages behind
     *                the gateway get smaller batches, docs/performance.md); on, it bounds how much an overload queues
     *                in the platform, and the SMS-C keeps the rest
     * @param mtLimit the MTs queued in this gateway's memory (waiting for a window slot or their handset's turn; not
     *                those in a submit or waiting for a retry) at which MOs are held: where the backlog of a saturated
     *                platform gathers
     * @param imLagLimit the MOs on {@code sms.mo.v1} the IM core has not yet handled at which MOs are held. Where this
     *                   gateway is the only one and the IM core runs in its process ({@code mobim.smpp.mt.sole-gateway},
     *                   the all-in-one), it is counted exactly as the IM core handles each poll. Elsewhere it is the MOs
     *                   not yet committed by {@code consumer-group} (as last read, plus those taken since): coarse,
     *                   because the IM core commits every {@code mobim.kafka.commit-interval}, so its committed
     *                   offsets trail what it has handled by up to that much traffic, and this limit only bounds an IM
     *                   core that has fallen far behind or stopped
     * @param maxHold the longest a deliver_sm is held; it is then answered ESME_RX_T_APPN without being published and
     *                the SMS-C delivers it again later. Keep it, plus {@code mo.ack-timeout}, within the SMS-C's
     *                response timeout
     * @param lagInterval how often the IM core's lag on {@code sms.mo.v1} is read, where it is not counted in the
     *                    process (committed offsets of {@code consumer-group} against the end offsets); reading more often than the IM core commits
     *                    ({@code mobim.kafka.commit-interval}) sees the same offsets again, at a cost to the broker
     * @param consumerGroup the IM core's consumer group on {@code sms.mo.v1}
     */
    public record Admission(@DefaultValue("false") boolean enabled, @DefaultValue("50") @Min(1) int mtLimit,
                            @DefaultValue("5000") @Min(1) int imLagLimit,
                            @DefaultValue("5s") @NotNull Duration maxHold, @DefaultValue("1s") @NotNull Duration lagInterval,
                            @DefaultValue(Topics.SMS_MO_IM_GROUP) @NotBlank String consumerGroup) {

        public static Admission defaults() {
            return unset().mo().admission();
        }

        /** Admission switched on, with these limits. */
        public Admission enabledWithLimits(int newMtLimit, int newImLagLimit, Duration newMaxHold) {
            return new Admission(true, newMtLimit, newImLagLimit, newMaxHold, lagInterval, consumerGroup);
        }

        public Admission withConsumerGroup(String group) {
            return new Admission(enabled, mtLimit, imLagLimit, maxHold, lagInterval, group);
        }
    }

    /**
     * The gateway's Kafka producer for {@code sms.mo.v1} and {@code sms.dlr.v1}, {@code mobim.smpp.kafka.*}.
     *
     * @param enabled whether the gateway brings its own Kafka edges (false leaves {@code MoSink} and
     *                {@code DlrSink} to the application)
     * @param linger how long the producer waits to fill a batch: MOs arriving together share one
     *               produce request
     * @param maxBlock how long a send may wait for metadata or buffer space; the producer's default of
     *                 60 s would hold jSMPP's threads while Kafka is down
     */
    public record Kafka(@DefaultValue("true") boolean enabled, @DefaultValue("5ms") @NotNull Duration linger,
                        @DefaultValue("1s") @NotNull Duration maxBlock) {

        public static Kafka defaults() {
            return unset().kafka();
        }
    }
}
