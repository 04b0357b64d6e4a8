package io.mobim.platform.wv;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.wv.CspVersion;
import io.mobim.wv.WvCodec;
import io.mobim.wv.WvLimits;
import io.mobim.wv.handset.WvHandset;
import io.mobim.wv.model.CreateListRequest;
import io.mobim.wv.model.DetailedResult;
import io.mobim.wv.model.GetPresenceResponse;
import io.mobim.wv.model.ListManageResponse;
import io.mobim.wv.model.NickName;
import io.mobim.wv.model.Presence;
import io.mobim.wv.model.PresenceAuthRequest;
import io.mobim.wv.model.PresenceAuthUser;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.SubscribePresenceRequest;
import io.mobim.wv.model.UpdatePresenceRequest;
import io.mobim.wv.model.User;
import io.mobim.wv.model.WvMessage;
import io.mobim.wv.model.WvNode;
import io.mobim.wv.model.presence.PresenceSubList;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * More of the reference's golden exchanges (wireless-village.md section 12), the requests verbatim from libwbxml's test
 * vectors and a live client, only the session, users and lists put in for this platform's, through the whole server:
 * G4's GetPresence of two users with an attribute selection (one authorised the watcher when asked, one did not), and G5's
 * ListManage adding two contacts (a nickname with spaces) and removing them, in the live 1.2 form that asks for the
 * list back. The answers are checked for the structure and codes the reference's answers have.
 */
@MobimIntegrationTest
class WvGoldenPresenceAndListsTest extends WvTestBase {

    /** G4: GetPresence-Request, CSP 1.1 (libwbxml wv-046.xml). */
    private static final String G4_GET_PRESENCE = """
            <GetPresence-Request><User><UserID>wv:he@there.com</UserID></User><User><UserID>wv:she@there.com</UserID></User>\
            <PresenceSubList xmlns="http://www.wireless-village.org/PA1.1"><OnlineStatus/><UserAvailability/><StatusText/>\
            <Alias/><CommCap/></PresenceSubList></GetPresence-Request>""";

    /** G5: ListManage-Request adding two nicknames (libwbxml wv-088.xml), with the live client's ReceiveList. */
    private static final String G5_ADD = """
            <ListManage-Request><ContactList>wv:john/My_friends@smith.com</ContactList><AddNickList><NickName><Name>Randall the \
            Vandal</Name><UserID>wv:randall@fairlane.com</UserID></NickName><NickName><Name>JLo</Name><UserID>\
            wv:jenny@logic.com</UserID></NickName></AddNickList><ReceiveList>T</ReceiveList></ListManage-Request>""";

    /** G5: ListManage-Request removing them (libwbxml wv-090.xml), with the live client's ReceiveList. */
    private static final String G5_REMOVE = """
            <ListManage-Request><ContactList>wv:john/My_friends@smith.com</ContactList><RemoveNickList><UserID>\
            wv:randall@fairlane.com</UserID><UserID>wv:jenny@logic.com</UserID></RemoveNickList><ReceiveList>T</ReceiveList>\
            </ListManage-Request>""";

    @Test
    void g4GetPresenceAnswersTheSelectedAttributesOfWhoAuthorisedAndNamesWhoDidNot() throws Exception {
        Msisdn watcher = clients.subscriber("watcher");
        Msisdn he = clients.subscriber("he");
        Msisdn she = clients.subscriber("she");
        String heId = "wv:" + he.value() + "@mobim";
        String sheId = "wv:" + she.value() + "@mobim";
        WvHandset heClient = clients.loggedIn(he, CspVersion.V1_1, "xml");
        WvHandset watcherClient = clients.loggedIn(watcher, CspVersion.V1_1, "xml");
        watcherClient.request(new SubscribePresenceRequest(List.of(new User(heId), new User(sheId)), List.of(), null, true), Status.class);
        heClient.acknowledge(heClient.awaitPolled(PresenceAuthRequest.class));
        assertThat(heClient.request(new PresenceAuthUser("wv:" + watcher.value() + "@mobim", true), Status.class).result().code())
                .isEqualTo(200);
        heClient.request(new UpdatePresenceRequest(PresenceSubList.of(new WvNode("PresenceSubList", null, List.of(
                WvNode.presenceValue("UserAvailability", "AVAILABLE"), WvNode.presenceValue("StatusText", "Busy editing a document"))))),
                Status.class);
        String session = watcherClient.sessionId();

        WvMessage answer = exchange(session, "g4", G4_GET_PRESENCE.replace("wv:he@there.com", heId).replace("wv:she@there.com", sheId));

        assertThat(answer.transaction().transactionId()).isEqualTo("g4");
        GetPresenceResponse response = (GetPresenceResponse) answer.primitive();
        assertThat(response.result().code()).as("one of two: partially successful").isEqualTo(201);
        assertThat(response.result().detailedResults()).extracting(DetailedResult::code, DetailedResult::userIds)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(534, List.of(sheId)));
        assertThat(response.presences()).extracting(Presence::userId).containsExactly(heId);
        WvNode attributes = response.presences().getFirst().presenceSubList().toNode();
        assertThat(attributes.children()).extracting(WvNode::name).as("only attributes asked for")
                .isSubsetOf("OnlineStatus", "UserAvailability", "StatusText", "Alias", "CommCap")
                .contains("OnlineStatus", "UserAvailability", "StatusText");
        assertThat(attributes.child("StatusText").childText("PresenceValue")).isEqualTo("Busy editing a document");
        assertThat(attributes.child("UserAvailability").childText("PresenceValue")).isEqualTo("AVAILABLE");
        assertThat(attributes.child("OnlineStatus").childText("PresenceValue")).isEqualTo("T");
    }

    @Test
    void g5ListManageAddsTwoContactsAndRemovesThemAnsweringWithTheList() throws Exception {
        Msisdn john = clients.subscriber("john");
        Msisdn randall = clients.subscriber("randall");
        Msisdn jenny = clients.subscriber("jenny");
        String list = "wv:" + john.value() + "/My_friends@mobim";
        String randallId = "wv:" + randall.value() + "@mobim";
        String jennyId = "wv:" + jenny.value() + "@mobim";
        WvHandset client = clients.loggedIn(john, CspVersion.V1_2, "xml");
        assertThat(client.request(new CreateListRequest(list, null, null), Status.class).result().code()).isEqualTo(200);

        WvMessage added = exchange12(client.sessionId(), "g5a", G5_ADD.replace("wv:john/My_friends@smith.com", list)
                .replace("wv:randall@fairlane.com", randallId).replace("wv:jenny@logic.com", jennyId));
        ListManageResponse afterAdd = (ListManageResponse) added.primitive();
        assertThat(afterAdd.result().code()).isEqualTo(200);
        assertThat(afterAdd.nickList().nickNames()).extracting(NickName::userId).containsExactly(randallId, jennyId);
        assertThat(afterAdd.nickList().nickNames()).extracting(NickName::name).element(0).asString()
                .matches("Randall[ _]the[ _]Vandal");
        assertThat(afterAdd.nickList().nickNames().get(1).name()).isEqualTo("JLo");

        WvMessage removed = exchange12(client.sessionId(), "g5b", G5_REMOVE.replace("wv:john/My_friends@smith.com", list)
                .replace("wv:randall@fairlane.com", randallId).replace("wv:jenny@logic.com", jennyId));
        ListManageResponse afterRemove = (ListManageResponse) removed.primitive();
        assertThat(afterRemove.result().code()).isEqualTo(200);
        assertThat(afterRemove.nickList() == null ? List.of() : afterRemove.nickList().nickNames()).as("an empty NickList").isEmpty();
    }

    /** {@code body} in a CSP 1.1 envelope of {@code session}, as XML; the answer, which must be XML CSP 1.1. */
    private WvMessage exchange(String session, String transactionId, String body) throws Exception {
        return post(CspVersion.V1_1, """
                <WV-CSP-Message xmlns="http://www.wireless-village.org/CSP1.1"><Session><SessionDescriptor><SessionType>Inband\
                </SessionType><SessionID>%s</SessionID></SessionDescriptor><Transaction><TransactionDescriptor><TransactionMode>\
                Request</TransactionMode><TransactionID>%s</TransactionID></TransactionDescriptor><TransactionContent \
                xmlns="http://www.wireless-village.org/TRC1.1">%s</TransactionContent></Transaction></Session></WV-CSP-Message>"""
                .formatted(session, transactionId, body));
    }

    /** {@code body} in a CSP 1.2 envelope of {@code session}, as XML; the answer, which must be XML CSP 1.2. */
    private WvMessage exchange12(String session, String transactionId, String body) throws Exception {
        WvMessage answer = post(CspVersion.V1_2, """
                <WV-CSP-Message xmlns="http://www.openmobilealliance.org/DTD/WV-CSP1.2"><Session><SessionDescriptor><SessionType>\
                Inband</SessionType><SessionID>%s</SessionID></SessionDescriptor><Transaction><TransactionDescriptor>\
                <TransactionMode>Request</TransactionMode><TransactionID>%s</TransactionID></TransactionDescriptor>\
                <TransactionContent xmlns="http://www.openmobilealliance.org/DTD/WV-TRC1.2">%s</TransactionContent></Transaction>\
                </Session></WV-CSP-Message>""".formatted(session, transactionId, body));
        assertThat(answer.transaction().transactionId()).isEqualTo(transactionId);
        return answer;
    }

    private WvMessage post(CspVersion version, String xml) throws Exception {
        HttpResponse<byte[]> response = WvHandset.post(clients.endpoint(), xml.getBytes(StandardCharsets.UTF_8), WvCodec.XML_CONTENT_TYPE);
        assertThat(response.statusCode()).isEqualTo(200);
        WvMessage answer = WvCodec.xml().decode(response.body(), WvLimits.DEFAULT);
        assertThat(answer.version()).isEqualTo(version);
        return answer;
    }
}
