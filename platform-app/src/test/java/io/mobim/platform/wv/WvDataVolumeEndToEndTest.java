package io.mobim.platform.wv;

import io.mobim.wv.handset.WvHandset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.subscribers.SubscriberChanges;
import io.mobim.platform.support.TestNumbers;
import io.mobim.wv.CspVersion;
import io.mobim.wv.model.Disconnect;
import io.mobim.wv.model.LogoutRequest;
import io.mobim.wv.model.NewMessage;
import io.mobim.wv.model.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data a CSP client moves (every request body and every answer) is counted to its session, written with the
 * session's touches rather than a statement per request, and charged when the session ends: one SESSION_DATA record,
 * rated by the O2 Germany plan per started 10 KB.
 */
@MobimIntegrationTest
class WvDataVolumeEndToEndTest extends WvTestBase {

    @Autowired JdbcClient jdbc;

    @Test
    void theBytesAClientMovedAreChargedOnceWhenItLogsOut() throws Exception {
        Msisdn rosa = TestNumbers.next();
        subscribers.register(rosa, "rosa", new SubscriberChanges(null, WvClients.PASSWORD, "en", "O2_DE", null, null, null));
        Msisdn sven = clients.subscriber("sven");
        WvHandset client = clients.loggedIn(rosa, CspVersion.V1_2, "wbxml");
        WvHandset friend = clients.loggedIn(sven, CspVersion.V1_2, "xml");
        client.capabilities("P");
        friend.send("Hallo Rosa", "wv:" + rosa.value() + "@mobim");
        Transaction got = client.awaitPolled(NewMessage.class);
        client.confirm(got);
        Thread.sleep(1_200); // past the touch interval: the next request's touch writes what the earlier ones moved
        client.send("Hallo Sven", "wv:" + sven.value() + "@mobim");
        long moved = client.bytesMoved();
        assertThat(moved).isGreaterThan(1_000);

        client.request(new LogoutRequest(), Disconnect.class); // the session's end: the logout itself is not counted

        List<Map<String, Object>> records = await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                select bytes, amount, currency from billing.rated_record
                where msisdn = ? and kind = 'SESSION_DATA' and current""").param(rosa.value()).query().listOfRows(), r -> !r.isEmpty());
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(((Number) r.get("bytes")).longValue()).isEqualTo(moved);
            assertThat((BigDecimal) r.get("amount")).isEqualByComparingTo("0.05"); // one started block of 10 KB
            assertThat(r.get("currency")).isEqualTo("EUR");
        });
    }
}
