package io.mobim.wv;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.wv.model.*;
import io.mobim.wv.model.presence.*;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sample messages of the WV reference, section 12 (G1 to G5, plus a 201 with DetailedResult and
 * a pretty-printed document with a DOCTYPE as the libwbxml samples are), decode to the expected
 * objects. G3-G5 are fragments in the reference; they sit here in the envelope of wv-070.
 */
class GoldenXmlTest {

    private static WvMessage xml(String name) throws WvDecodeException {
        return WvCodec.xml().decode(TestFiles.bytes("golden/" + name + ".xml"), WvLimits.DEFAULT);
    }

    private static final SessionDescriptor SESSION_11 = SessionDescriptor.inband("im.user.com#48815@server.com");
    private static final String TX = "IMApp01#12345@NOK5110";

    @Test
    void g1LoginRequest() throws Exception {
        assertThat(xml("g1-login-request-1.1")).isEqualTo(WvMessage.of(CspVersion.V1_1, SessionDescriptor.outband(),
                Transaction.request(TX, new LoginRequest("wv:user@im.com",
                        new ClientId("http://206.226.10.25:80/IMPSAPP", null), "1my2pass3word", List.of(), null, 120,
                        "im.user.com#20011224#328746293"))));
    }

    @Test
    void g2SendMessageFromMovistarClient() throws Exception {
        WvMessage m = xml("g2-send-message-1.2");
        assertThat(m).isEqualTo(WvMessage.of(CspVersion.V1_2, SessionDescriptor.inband("2zrev0w230"),
                Transaction.request("7", new SendMessageRequest(false,
                        new MessageInfo(null, null, "text/html", null, 148,
                                new Recipient(List.of(new User("wv:6yyyyyyyy@movistar.es")), List.of(), List.of()),
                                new Sender(new User("6xxxxxxxx@movistar.es"), null), null, null, null),
                        "<span style=\"color:#000000\">hola</span>"))));
    }

    @Test
    void g3PollingRequestWithEmptyTransactionId() throws Exception {
        WvMessage m = xml("g3-polling-request-1.2");
        assertThat(m).isEqualTo(WvMessage.of(CspVersion.V1_2, SessionDescriptor.inband("2zrev0w230"),
                Transaction.request("", new PollingRequest())));
    }

    @Test
    void g3NewMessageToAGroup() throws Exception {
        Group chat = new Group(null, new ScreenName("Johnnie", "wv:john/chatgroup@there.com"));
        Group vicky = new Group(null, new ScreenName("Wicked Vicky", "wv:john/chatgroup@there.com"));
        assertThat(xml("g3-new-message-1.1")).isEqualTo(WvMessage.of(CspVersion.V1_1, SESSION_11,
                new Transaction(TransactionMode.REQUEST, TX, false, new NewMessage(
                        new MessageInfo("0x0000f132", null, "text/plain", "None", 41,
                                new Recipient(List.of(), List.of(chat), List.of()), new Sender(null, vicky), null,
                                "20010925T1340Z", 600),
                        "Hi guys, just arrived... How is it going?"))));
    }

    /** A CSP 1.1 message of one transaction whose TransactionContent is {@code content}, decoded. */
    private static WvMessage inline11(String mode, String content) throws WvDecodeException {
        String xml = "<WV-CSP-Message xmlns=\"http://www.wireless-village.org/CSP1.1\"><Session><SessionDescriptor>"
                + "<SessionType>Inband</SessionType><SessionID>s1</SessionID></SessionDescriptor><Transaction><TransactionDescriptor>"
                + "<TransactionMode>" + mode + "</TransactionMode><TransactionID>t1</TransactionID></TransactionDescriptor>"
                + "<TransactionContent xmlns=\"http://www.wireless-village.org/TRC1.1\">" + content
                + "</TransactionContent></Transaction></Session></WV-CSP-Message>";
        return WvCodec.xml().decode(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), WvLimits.DEFAULT);
    }

    /** Re-typed from WV-023 (libwbxml wv-032): the invitee who answered is the Sender, before the ResponseNote. */
    @Test
    void inviteResponseNamesWhoAnsweredAsSender() throws Exception {
        WvMessage m = inline11("Request", """
                <Invite-Response><InviteID>0x38382025</InviteID><Acceptance>T</Acceptance><Sender><Group><ScreenName>\
                <SName>WV</SName><GroupID>wv:john/partygroup@there.com</GroupID></ScreenName></Group></Sender>\
                <ResponseNote>OK, just a sec!</ResponseNote></Invite-Response>""");
        InviteResponse r = (InviteResponse) m.primitive();
        assertThat(r.sender().group().screenName()).isEqualTo(new ScreenName("WV", "wv:john/partygroup@there.com"));
        assertThat(r.responseNote()).isEqualTo("OK, just a sec!");
        String written = new String(WvCodec.xml().encode(m), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(written).contains("<Acceptance>T</Acceptance><Sender>").contains("</Sender><ResponseNote>");
    }

    /** Re-typed from WV-023 (libwbxml wv-099): a contact list's attribute list is a Presence with a ContactList. */
    @Test
    void getAttributeListResponseCarriesContactLists() throws Exception {
        WvMessage m = inline11("Response", """
                <GetAttributeList-Response><Result><Code>200</Code></Result><DefaultAttributeList>\
                <PresenceSubList xmlns="http://www.wireless-village.org/PA1.1"><UserAvailability/></PresenceSubList>\
                </DefaultAttributeList><Presence><UserID>somebody@nowhere.com</UserID>\
                <PresenceSubList xmlns="http://www.wireless-village.org/PA1.1"><OnlineStatus/></PresenceSubList></Presence>\
                <Presence><ContactList>wv:john/My_friends@smith.com</ContactList>\
                <PresenceSubList xmlns="http://www.wireless-village.org/PA1.1"><StatusText/></PresenceSubList></Presence>\
                </GetAttributeList-Response>""");
        GetAttributeListResponse r = (GetAttributeListResponse) m.primitive();
        assertThat(r.defaultAttributeList().child("PresenceSubList").child("UserAvailability")).isNotNull();
        assertThat(r.presences()).containsExactly(
                new Presence("somebody@nowhere.com", null, PresenceSubList.select("OnlineStatus")),
                new Presence(null, "wv:john/My_friends@smith.com", PresenceSubList.of(new StatusText(null, null))));
        assertThat(WvCodec.wbxml().decode(WvCodec.wbxml().encode(m), WvLimits.DEFAULT).primitive()).isEqualTo(r);
    }

    @Test
    void g4GetPresence() throws Exception {
        PresenceSubList selection = PresenceSubList.of(new OnlineStatus(null, null), new UserAvailability(null, null),
                new StatusText(null, null), new Alias(null, null), new CommCap(null, List.of()));
        assertThat(xml("g4-get-presence-request-1.1").primitive()).isEqualTo(new GetPresenceRequest(
                List.of(new User("wv:he@there.com"), new User("wv:she@there.com")), List.of(), selection));

        GetPresenceResponse r = (GetPresenceResponse) xml("g4-get-presence-response-1.1").primitive();
        assertThat(r.result()).isEqualTo(Result.of(200, "Successfully completed."));
        assertThat(r.presences()).hasSize(1);
        Presence he = r.presences().get(0);
        assertThat(he.userId()).isEqualTo("wv:he@there.com");
        assertThat(he.presenceSubList().attributes()).containsExactly(OnlineStatus.of(true),
                CommCap.of(new CommC("IM", "OPEN", "he@there.com", "My IM-application is now online")),
                UserAvailability.of(Availability.AVAILABLE), StatusText.of("Busy editing a document"), Alias.of("He"));
    }

    @Test
    void g5ListManage() throws Exception {
        NickList nicks = new NickList(List.of(new NickName("Randall the Vandal", "wv:randall@fairlane.com"),
                new NickName("JLo", "wv:jenny@logic.com")));
        assertThat(xml("g5-list-manage-add-request-1.1").primitive()).isEqualTo(
                new ListManageRequest("wv:john/My_friends@smith.com", nicks, null, null, null));
        assertThat(xml("g5-list-manage-add-response-1.1").primitive()).isEqualTo(
                new ListManageResponse(new Result(200, null, List.of()), nicks, null));
        assertThat(xml("g5-list-manage-remove-request-1.1").primitive()).isEqualTo(
                new ListManageRequest("wv:john/My_friends@smith.com", null,
                        new EntityList(List.of("wv:randall@fairlane.com", "wv:jenny@logic.com"), List.of(), List.of()),
                        null, null));
        ListManageResponse emptied = (ListManageResponse) xml("g5-list-manage-remove-response-1.1").primitive();
        assertThat(emptied.nickList()).isEqualTo(new NickList(List.of())); // <NickList/> is present, empty
    }

    @Test
    void partialSuccessWithDetailedResults() throws Exception {
        Status s = (Status) xml("status-detailed-result-1.1").primitive();
        assertThat(s.result().status()).isEqualTo(StatusCode.PARTIALLY_SUCCESSFUL);
        assertThat(s.result().detailedResults()).containsExactly(
                new DetailedResult(531, "Unknown user.", List.of("wv:bad_user1@im.com", "wv:bad_user2@im.com"),
                        List.of(), List.of(), List.of(), List.of(), List.of()),
                new DetailedResult(532, "Blocked.", List.of("wv:bad_user3@im.com"),
                        List.of(), List.of(), List.of(), List.of(), List.of()));
    }

    @Test
    void prettyPrintedDocumentWithDoctype() throws Exception {
        WvMessage m = xml("service-request-doctype-pretty-1.1");
        assertThat(m).isEqualTo(WvMessage.of(CspVersion.V1_1, SESSION_11, Transaction.request(TX,
                new ServiceRequest(new ClientId("http://206.226.10.25:80/IMPSAPP", null),
                        WvNode.of("Functions", WvNode.of("WVCSPFeat", WvNode.of("FundamentalFeat"),
                                WvNode.of("PresenceFeat"), WvNode.of("IMFeat"))),
                        true))));
    }

    @Test
    void answersInTheVersionItWasSpokenTo() throws Exception {
        WvMessage in = xml("g2-send-message-1.2");
        WvMessage answer = WvMessage.of(in.version(), in.session(),
                Transaction.response(in.transaction().transactionId(),
                        new SendMessageResponse(Result.of(StatusCode.SUCCESSFUL), "m-1")));
        String xml = new String(WvCodec.xml().encode(answer), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(xml).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<WV-CSP-Message xmlns=\"http://www.openmobilealliance.org/DTD/WV-CSP1.2\"><Session>"
                + "<SessionDescriptor><SessionType>Inband</SessionType><SessionID>2zrev0w230</SessionID></SessionDescriptor>"
                + "<Transaction><TransactionDescriptor><TransactionMode>Response</TransactionMode>"
                + "<TransactionID>7</TransactionID></TransactionDescriptor>"
                + "<TransactionContent xmlns=\"http://www.openmobilealliance.org/DTD/WV-TRC1.2\">"
                + "<SendMessage-Response><Result><Code>200</Code><Description>Successful</Description></Result>"
                + "<MessageID>m-1</MessageID></SendMessage-Response>"
                + "</TransactionContent></Transaction></Session></WV-CSP-Message>");
    }
}
