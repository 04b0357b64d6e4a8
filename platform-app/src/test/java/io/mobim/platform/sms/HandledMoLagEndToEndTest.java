package io.mobim.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.Msisdn;
import io.mobim.events.Topics;
import io.mobim.events.sms.SmsMo;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.kafka.RecordBatches;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.platform.support.Handsets;
import io.mobim.smpp.mo.HandledMoLag;
import io.mobim.smpp.simulator.SmscSimulator;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Where the IM core's lag is counted in the process (the sole gateway of the all-in-one), the MO listener tells it
 * of every poll it has handled: those MOs no longer hold the SMS-C back (MO admission) nor billing (its yield to
 * bursts), the others still do.
 * The listener runs here with the platform's own command handling, on records as Kafka hands them over.
 */
@MobimIntegrationTest
class HandledMoLagEndToEndTest {

    @Autowired SmscSimulator smsc;
    @Autowired Subscribers subscribers;
    @Autowired SmsCommandBatch commands;
    @Autowired SmsCommandHandler handler;
    @Autowired RecordBatches batches;

    private static ConsumerRecord<String, SmsMo> record(long offset, Msisdn from, String text) {
        SmsMo mo = SmsMo.of(UUID.randomUUID().toString(), from.value(), "20123", text, Instant.now(), "sim", 1, null);
        return new ConsumerRecord<>(Topics.SMS_MO, 0, offset, mo.from(), mo);
    }

    @Test
    void aPollTheImCoreHasHandledNoLongerCountsAsItsLag() {
        Handsets handsets = new Handsets(smsc, subscribers);
        Msisdn alice = handsets.subscriber("alice");
        Msisdn bob = handsets.subscriber("bob");
        handsets.addsContact(alice, bob, "bob");
        HandledMoLag lag = new HandledMoLag();
        for (int i = 0; i < 3; i++) { // the gateway published three MOs
            lag.publishing();
            lag.settled(true);
        }
        var listener = new SmsConfiguration.SmsCommandListener(commands, handler, batches, lag);

        listener.onMos(List.of(record(1, alice, "1 counted one"), record(2, alice, "1 counted two")));

        assertThat(handsets.awaitSms(bob, "counted one").text()).contains("alice");
        assertThat(handsets.awaitSms(bob, "counted two").text()).contains("alice");
        assertThat(lag.estimate()).as("the third is still the IM core's to handle").isEqualTo(1);
    }
}
