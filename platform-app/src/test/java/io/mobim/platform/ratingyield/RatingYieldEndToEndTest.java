package io.mobim.platform.ratingyield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mobim.billing.gateway.GatewayListener;
import io.mobim.billing.rating.ChargingListener;
import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.messaging.MessageSender;
import io.mobim.platform.messaging.Origin;
import io.mobim.platform.messaging.Target;
import io.mobim.platform.subscribers.SubscriberChanges;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.platform.support.TestNumbers;
import io.mobim.smpp.mo.HandledMoLag;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * In the all-in-one, billing shares the process with the SMS path: while MOs the SMS-C has been answered for wait
 * for the IM core, billing's consumers pause, and what they would have rated waits in Kafka; once the backlog has
 * cleared they resume and rate it, once each, at the plan's price.
 */
@MobimIntegrationTest
class RatingYieldEndToEndTest {

    private static final Duration AT_MOST = Duration.ofSeconds(60);
    private static final List<String> BILLING = List.of(ChargingListener.ID, GatewayListener.MO_ID, GatewayListener.DLR_ID);

    @Autowired BillingYieldLoop loop;
    @Autowired HandledMoLag backlog;
    @Autowired KafkaListenerEndpointRegistry containers;
    @Autowired Subscribers subscribers;
    @Autowired MessageSender sender;
    @Autowired JdbcClient jdbc;

    @Test
    void aMessageSentDuringABurstIsRatedOnceTheBurstHasCleared() throws Exception {
        Msisdn alice = register("alice");
        Msisdn bob = register("bob");
        // a burst: more MOs acknowledged to the SMS-C than the threshold (300), none handled yet
        for (int i = 0; i < 301; i++) {
            backlog.publishing();
            backlog.settled(true);
        }
        try {
            loop.check(); // the scheduler's look, taken here: the yield is off by default
            assertThat(loop.state()).isEqualTo(RatingYield.State.YIELDING);
            await().atMost(AT_MOST).until(() -> BILLING.stream().allMatch(id -> containers.getListenerContainer(id).isContainerPaused()));

            UUID id = sender.send(alice, Target.subscriber(bob), "during a burst", Origin.client(), null, false).messageId();
            // the charging event is on charging.v1 within the outbox relay's round; a consumer that ran would rate it
            // within its fetch wait (500 ms)
            Thread.sleep(3_000);
            assertThat(rated(id)).as("nothing rated while billing stands aside").isEmpty();

            backlog.handled(Integer.MAX_VALUE);
            await().atMost(AT_MOST).until(this::settled);
            List<BigDecimal> amounts = await().atMost(AT_MOST).until(() -> rated(id), list -> list.size() == 2);
            assertThat(amounts).as("both legs, once each, at VODAFONE_UK's 0.12 GBP")
                    .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("0.12"), new BigDecimal("0.12"));
        } finally {
            backlog.handled(Integer.MAX_VALUE);
            await().atMost(AT_MOST).until(this::settled);
        }
    }

    /** Looks at the backlog again; true once rating runs (the backlog stayed cleared for settle-for). */
    private boolean settled() {
        loop.check();
        return loop.state() == RatingYield.State.RATING
                && BILLING.stream().noneMatch(id -> containers.getListenerContainer(id).isPauseRequested());
    }

    private List<BigDecimal> rated(UUID messageId) {
        return jdbc.sql("select amount from billing.rated_record where message_id = ? and currency = 'GBP' and current")
                .param(messageId.toString()).query(BigDecimal.class).list();
    }

    private Msisdn register(String nick) {
        Msisdn m = TestNumbers.next();
        subscribers.register(m, nick, new SubscriberChanges(null, null, null, "VODAFONE_UK", null, true, null));
        return m;
    }
}
