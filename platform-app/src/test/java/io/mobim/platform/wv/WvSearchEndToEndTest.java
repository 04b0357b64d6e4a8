package io.mobim.platform.wv;

import static io.mobim.platform.wv.WvBlockingEndToEndTest.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.support.Handsets;
import io.mobim.smpp.simulator.SmscSimulator;
import io.mobim.wv.CspVersion;
import io.mobim.wv.handset.WvHandset;
import io.mobim.wv.model.SearchPair;
import io.mobim.wv.model.SearchRequest;
import io.mobim.wv.model.SearchResponse;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.StopSearchRequest;
import io.mobim.wv.model.User;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CSP Search over real HTTP: by nickname among the subscribers who opted in by SMS (DIRECTORY ON), page by page with a
 * SearchID that any instance can continue; by mobile number among everyone; and the error statuses.
 */
@MobimIntegrationTest
class WvSearchEndToEndTest extends WvTestBase {

    @Autowired SmscSimulator smsc;

    @Test
    void usersOptInByNicknameAndAreFoundPageByPage() {
        Handsets phones = new Handsets(smsc, subscribers);
        String tag = "zq" + Long.toHexString(System.nanoTime()).substring(8);
        Msisdn one = phones.subscriber(tag + "anna");
        Msisdn two = phones.subscriber(tag + "bert");
        Msisdn three = phones.subscriber(tag + "cleo");
        phones.subscriber(tag + "dora"); // never opts in
        for (Msisdn m : List.of(one, two, three)) {
            phones.text(m, "DIRECTORY ON");
            phones.awaitSms(m, "You are in the directory");
        }
        WvHandset client = clients.loggedIn(clients.subscriber("seeker"), CspVersion.V1_2, "wbxml");

        SearchResponse first = client.request(new SearchRequest(List.of(new SearchPair("USER_ALIAS", tag.toUpperCase())), 2, null, null),
                SearchResponse.class);
        assertThat(first.result().code()).isEqualTo(200);
        assertThat(first.searchFindings()).as("dora did not opt in").isEqualTo(3);
        assertThat(first.searchResult().userList().users()).extracting(User::userId).containsExactly(id(one), id(two));
        assertThat(first.completionFlag()).isFalse();
        assertThat(first.searchIndex()).isEqualTo(2);

        WvHandset other = clients.loggedIn(clients.subscriber("other"), CspVersion.V1_1, "xml");
        SearchResponse rest = other.request(new SearchRequest(List.of(), null, first.searchId(), first.searchIndex()), SearchResponse.class);
        assertThat(rest.searchResult().userList().users()).as("continued by another client, stateless")
                .extracting(User::userId).containsExactly(id(three));
        assertThat(rest.completionFlag()).isTrue();
        assertThat(client.request(new StopSearchRequest(first.searchId()), Status.class).result().code()).isEqualTo(200);

        phones.text(two, "ANNUAIRE NON");
        phones.awaitSms(two, "out of the directory");
        assertThat(client.request(new SearchRequest(List.of(new SearchPair("USER_ALIAS", tag)), null, null, null), SearchResponse.class)
                .searchResult().userList().users()).extracting(User::userId).containsExactly(id(one), id(three));
    }

    @Test
    void anyoneIsFoundByNumberAndBadSearchesGetTheirStatus() {
        Msisdn eve = clients.subscriber("eve");
        WvHandset client = clients.loggedIn(clients.subscriber("finder"), CspVersion.V1_1, "wbxml");

        SearchResponse found = client.request(new SearchRequest(List.of(new SearchPair("USER_MOBILE_NUMBER", eve.value().substring(1))),
                null, null, null), SearchResponse.class);
        assertThat(found.searchResult().userList().users()).extracting(User::userId).containsExactly(id(eve));
        assertThat(found.completionFlag()).isTrue();
        SearchResponse none = client.request(new SearchRequest(List.of(new SearchPair("USER_MOBILE_NUMBER", "+33612345678")),
                null, null, null), SearchResponse.class);
        assertThat(none.searchFindings()).isZero();

        assertThat(status(client, new SearchRequest(List.of(new SearchPair("USER_ALIAS", "a")), null, null, null))).isEqualTo(537);
        assertThat(status(client, new SearchRequest(List.of(new SearchPair("GROUP_TOPIC", "football")), null, null, null))).isEqualTo(405);
        assertThat(status(client, new SearchRequest(List.of(), null, null, null))).isEqualTo(402);
        assertThat(status(client, new SearchRequest(List.of(), null, "not-a-search", 0))).isEqualTo(424);
        assertThat(status(client, new SearchRequest(List.of(), null, found.searchId(), 5))).isEqualTo(425);
        assertThat(client.request(new StopSearchRequest("not-a-search"), Status.class).result().code()).isEqualTo(424);
    }

    private static int status(WvHandset client, SearchRequest q) {
        return client.request(q, Status.class).result().code();
    }
}
