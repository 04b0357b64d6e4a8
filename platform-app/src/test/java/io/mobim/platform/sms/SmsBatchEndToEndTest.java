package io.mobim.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.EventJson;
import io.mobim.events.Topics;
import io.mobim.events.sms.SmsMo;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.contacts.ContactSettings;
import io.mobim.platform.contacts.Contacts;
import io.mobim.platform.rooms.RoomKind;
import io.mobim.platform.rooms.Rooms;
import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.platform.support.Handsets;
import io.mobim.platform.support.TestNumbers;
import io.mobim.smpp.simulator.HandsetMessage;
import io.mobim.smpp.simulator.SmscSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The IM core takes {@code sms.mo.v1} a poll at a time, in one transaction, through the real path: Kafka, the
 * command handler, the outbox, the gateway, the SMS-C simulator's handsets, the receipts on {@code sms.dlr.v1}. The
 * MO listener is paused while a poll's worth of records is written, so that they arrive together.
 */
@MobimIntegrationTest
class SmsBatchEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int PAIRS = 12;

    @Autowired SmscSimulator smsc;
    @Autowired Subscribers subscribers;
    @Autowired Contacts contacts;
    @Autowired JdbcClient jdbc;
    @Autowired Environment env;
    @Autowired MeterRegistry meters;
    @Autowired KafkaListenerEndpointRegistry listeners;
    @Autowired Rooms rooms;
    @Autowired ContactSettings contactSettings;
    @Autowired SmsSettings smsSettings;

    private Msisdn subscriber(String nick, String locale) {
        return new Handsets(smsc, subscribers).subscriber(nick, locale);
    }

    private static SmsMo mo(Msisdn from, String text) {
        return SmsMo.of(UUID.randomUUID().toString(), from.value(), "20123", text, Instant.now(), "sim", 1, null);
    }

    /** What the gateway makes of the SMS-C delivering the same PDU again: a new id, the same fingerprint. */
    private static SmsMo delivery(Msisdn from, String text, String fingerprint) {
        return SmsMo.of(UUID.randomUUID().toString(), from.value(), "20123", text, Instant.now(), "sim", 1, null, fingerprint);
    }

    private static ProducerRecord<String, byte[]> record(SmsMo mo) {
        return new ProducerRecord<>(Topics.SMS_MO, mo.from(), EventJson.mapper().writeValueAsBytes(mo));
    }

    /** Writes {@code records} while the MO listener is paused, then lets it take them: they come in one or few polls. */
    private void publishAsOnePoll(List<ProducerRecord<String, byte[]>> records) {
        MessageListenerContainer container = listeners.getListenerContainer(SmsConfiguration.SmsCommandListener.ID);
        container.pause();
        await().atMost(WAIT).until(container::isContainerPaused);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap()),
                new StringSerializer(), new ByteArraySerializer())) {
            records.forEach(producer::send);
            producer.flush();
        } finally {
            container.resume();
        }
    }

    private String bootstrap() {
        return env.getProperty("spring.kafka.bootstrap-servers");
    }

    private List<String> textsTo(Msisdn handset) {
        return smsc.messagesTo(handset.value()).stream().map(HandsetMessage::text).toList();
    }

    private long count(Msisdn handset, String containing) {
        return textsTo(handset).stream().filter(t -> t.contains(containing)).count();
    }

    private double sendsToContacts() {
        Counter c = meters.find("mobim.sms.commands").tag("command", "SendToContact").counter();
        return c == null ? 0 : c.count();
    }

    private double fallbacks() {
        Counter c = meters.find("mobim.kafka.batch.fallbacks").tag("listener", Topics.SMS_MO).counter();
        return c == null ? 0 : c.count();
    }

    /**
     * The IM core's dead letters of sms.mo.v1 with {@code key}, once {@code wanted} of them are there (billing's own
     * consumer of sms.mo.v1 dead-letters a record it cannot read too, under its own group).
     */
    private List<ConsumerRecord<String, byte[]>> deadLetters(String key, int wanted) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap(),
                "group.id", "dlt-reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.SMS_MO)));
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key()) && "mobim-im-mo".equals(new String(
                            r.headers().lastHeader("kafka_dlt-original-consumer-group").value(), StandardCharsets.UTF_8))) {
                        out.add(r);
                    }
                });
                return out.size() >= wanted;
            });
        }
        return out;
    }

    private static String reason(ConsumerRecord<String, byte[]> deadLetter) {
        return new String(deadLetter.headers().lastHeader(Topics.DEAD_LETTER_REASON_HEADER).value(), StandardCharsets.UTF_8);
    }

    @Test
    void aPollWithPoisonIsAnsweredOnceExceptThePoisonWhichIsDeadLetteredWithItsReason() {
        List<Msisdn> senders = new ArrayList<>();
        List<Msisdn> recipients = new ArrayList<>();
        for (int k = 0; k < PAIRS; k++) {
            senders.add(subscriber("s" + k, "en"));
            recipients.add(subscriber("r" + k, "en"));
            contacts.add(senders.get(k), recipients.get(k), null, null); // the recipient is contact 1, SMS only
        }
        Msisdn poisoner = subscriber("p", "en");
        contacts.add(poisoner, recipients.getFirst(), null, null);
        Msisdn garbler = subscriber("g", "en");
        double fallbacksBefore = fallbacks();
        double sendsBefore = sendsToContacts();

        List<SmsMo> good = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> poll = new ArrayList<>();
        for (int k = 0; k < PAIRS; k++) {
            good.add(mo(senders.get(k), "1 batch-" + k + "-end"));
            poll.add(record(good.getLast()));
            if (k == PAIRS / 3) {
                // the database refuses a NUL character: this record fails the poll's transaction
                SmsMo poison = mo(poisoner, "1 nul\u0000here");
                poll.add(record(poison));
            }
            if (k == 2 * PAIRS / 3) {
                poll.add(new ProducerRecord<>(Topics.SMS_MO, garbler.value(), "{not an SmsMo".getBytes(StandardCharsets.UTF_8)));
            }
        }
        publishAsOnePoll(poll);

        for (int k = 0; k < PAIRS; k++) {
            Msisdn to = recipients.get(k);
            String text = "batch-" + k + "-end";
            await().atMost(WAIT).until(() -> count(to, text) == 1);
        }
        List<ConsumerRecord<String, byte[]>> poisoned = deadLetters(poisoner.value(), 1);
        assertThat(poisoned).singleElement().satisfies(r -> {
            assertThat(reason(r)).contains("the database refuses the record's data").contains("0x00");
            assertThat(EventJson.mapper().readValue(r.value(), SmsMo.class).from()).isEqualTo(poisoner.value());
        });
        assertThat(deadLetters(garbler.value(), 1)).singleElement().satisfies(r -> {
            assertThat(reason(r)).startsWith("not a valid SmsMo on sms.mo.v1");
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{not an SmsMo");
        });
        assertThat(fallbacks()).as("the poll with the poison was handled again one record at a time").isGreaterThan(fallbacksBefore);
        assertThat(sendsToContacts() - sendsBefore).as("each command counted once, although its poll was handled twice")
                .isEqualTo(PAIRS);
        assertThat(textsTo(poisoner)).as("the poison had no effect, not even half of one").isEmpty();
        await().atMost(WAIT).until(() -> jdbc.sql("""
                select count(*) from im.delivery d join im.message m on m.id = d.message_id
                where m.sender = any(?) and d.status = 'DELIVERED'""")
                .param(senders.stream().map(Msisdn::value).toArray(String[]::new)).query(Long.class).single() == PAIRS);

        // Kafka delivers the same records again (a crash before the offset commit): each is recognised and skipped
        List<ProducerRecord<String, byte[]>> replay = new ArrayList<>(good.stream().map(SmsBatchEndToEndTest::record).toList());
        for (int k = 0; k < PAIRS; k++) {
            replay.add(record(mo(senders.get(k), "1 after-" + k + "-end"))); // same key, so handled after the replay
        }
        publishAsOnePoll(replay);
        for (int k = 0; k < PAIRS; k++) {
            Msisdn to = recipients.get(k);
            String after = "after-" + k + "-end";
            await().atMost(WAIT).until(() -> count(to, after) == 1);
            assertThat(count(to, "batch-" + k + "-end")).as("delivered once, replay or not").isEqualTo(1);
        }
        assertThat(jdbc.sql("select count(*) from im.message where sender = any(?)")
                .param(senders.stream().map(Msisdn::value).toArray(String[]::new)).query(Long.class).single())
                .isEqualTo(2L * PAIRS);
    }

    /**
     * An SMS-C that missed our deliver_sm_resp (or that we crashed before answering) delivers the same PDU again, which
     * the gateway turns into an MO with a new id: its fingerprint tells it apart, so it is neither sent nor charged
     * twice, in the next poll or in the same one. The same PDU after the redelivery window is a new SMS.
     */
    @Test
    void anMoTheSmscDeliversAgainIsSentAndChargedOnce() {
        Msisdn sender = subscriber("rd", "en");
        Msisdn friend = subscriber("rf", "en");
        contacts.add(sender, friend, null, null);
        // fingerprints of PDUs with a message reference ("r"): the same one is the same SMS
        String pdu = "r" + UUID.randomUUID();
        String samePoll = "r" + UUID.randomUUID();
        String textOnly = "t" + UUID.randomUUID();

        publishAsOnePoll(List.of(record(delivery(sender, "1 once-only", pdu))));
        await().atMost(WAIT).until(() -> count(friend, "once-only") == 1);
        publishAsOnePoll(List.of(record(delivery(sender, "1 once-only", pdu)), record(delivery(sender, "1 twice-in-poll", samePoll)),
                record(delivery(sender, "1 twice-in-poll", samePoll)), record(delivery(sender, "1 said twice", textOnly)),
                record(delivery(sender, "1 said twice", textOnly)), record(mo(sender, "1 next-one"))));
        await().atMost(WAIT).until(() -> count(friend, "next-one") == 1);
        assertThat(count(friend, "said twice")).as("the same words without a reference: two messages").isEqualTo(2);
        assertThat(count(friend, "once-only")).as("the redelivery in the next poll").isEqualTo(1);
        assertThat(count(friend, "twice-in-poll")).as("the redelivery in the same poll").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from im.message where sender = ?").param(sender.value()).query(Long.class).single())
                .as("messages stored: the redeliveries added none").isEqualTo(5L);

        // the window passes for that fingerprint (aged in place: the shared context's clock serves other tests' sessions)
        jdbc.sql("update im.sms_mo_fingerprint set seen_at = seen_at - ?::interval where fingerprint = ?")
                .params(smsSettings.redeliveryWindow().plusSeconds(1).toSeconds() + " seconds", pdu).update();
        publishAsOnePoll(List.of(record(delivery(sender, "1 once-only", pdu))));
        await().atMost(WAIT).until(() -> count(friend, "once-only") == 2);
    }

    @Test
    void aStatusTextTooLongGetsOneClearReplyInTheSubscribersLanguage() {
        Msisdn english = subscriber("Eve", "en");
        Msisdn french = subscriber("Zoe", "fr");
        String longText = "x".repeat(150);
        publishAsOnePoll(List.of(record(mo(english, "STATUS busy " + longText)), record(mo(french, "ETAT occupe " + longText)),
                record(mo(english, "STATUS away lunch"))));

        // two MTs to one handset may arrive in either order (the gateway submits on several workers): wait for both
        await().atMost(WAIT).until(() -> count(english, "Your status is now away - lunch.") == 1);
        await().atMost(WAIT).until(() -> count(english, "too long") == 1);
        await().atMost(WAIT).until(() -> count(french, "trop long") == 1);
        assertThat(textsTo(english)).containsExactlyInAnyOrder(
                "Your status text is too long (150 characters): at most 100. Send STATUS busy and a shorter text.",
                "Your status is now away - lunch.");
        assertThat(textsTo(french)).singleElement().asString()
                .isEqualTo("Votre texte de statut est trop long (150 caractères): 100 au plus. Envoyez ETAT occupe et un texte plus court.");
        assertThat(jdbc.sql("select status_text from im.presence where msisdn = ?").param(english.value())
                .query(String.class).single()).isEqualTo("lunch");
    }

    /** Refusals decided inside a service's transaction used to doom the MO's: no reply, retried, dead-lettered. */
    @Test
    void refusedCommandsAreAnsweredInThePollWithTheOthers() {
        Msisdn newcomer = TestNumbers.next();
        Msisdn writer = subscriber("w", "en");
        contacts.add(writer, TestNumbers.next(), "ghost", null); // contact 1 is not on mobim
        Msisdn owner = subscriber("o", "en");
        Msisdn tiger = subscriber("t", "en");
        Msisdn joiner = subscriber("j", "en");
        String room = "batch" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000);
        rooms.create(room, "Batch room", RoomKind.PUBLIC, owner);
        rooms.join(tiger, room, "tiger");

        Msisdn collector = subscriber("c", "en");
        for (int i = 0; i < contactSettings.maxContacts(); i++) {
            contacts.add(collector, TestNumbers.next(), "n" + i, null);
        }

        publishAsOnePoll(List.of(record(mo(newcomer, "REG bad!name")), record(mo(writer, "1 hello ghost")),
                record(mo(collector, "ADD " + TestNumbers.next().value() + " one")),
                record(mo(joiner, "JOIN " + room + " Tiger")), record(mo(joiner, "JOIN nosuchroom" + room)),
                record(mo(joiner, "ADD +447700900999 bad!nick")), record(mo(writer, "LIST"))));

        await().atMost(WAIT).until(() -> count(newcomer, "A nickname has 1 to 32 letters or digits") == 1);
        await().atMost(WAIT).until(() -> count(writer, "Your message was not sent: ghost is not on mobim.") == 1);
        await().atMost(WAIT).until(() -> count(joiner, "That nickname is taken in #" + room) == 1);
        await().atMost(WAIT).until(() -> count(joiner, "There is no room #nosuchroom" + room) == 1);
        await().atMost(WAIT).until(() -> count(joiner, "A nickname has 1 to 32 letters or digits") == 1);
        await().atMost(WAIT).until(() -> count(writer, "1 ghost") == 1);
        await().atMost(WAIT).until(() -> count(collector, "Your list is full (" + contactSettings.maxContacts() + " contacts)") == 1);
        assertThat(subscribers.find(newcomer)).isEmpty();
        assertThat(rooms.memberOf(room, joiner)).isEmpty();
        assertThat(contacts.list(joiner)).isEmpty();
    }
}
