package io.mobim.platform.wv;

import static io.mobim.platform.wv.WvBlockingEndToEndTest.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.support.Handsets;
import io.mobim.smpp.simulator.SmscSimulator;
import io.mobim.wv.CspVersion;
import io.mobim.wv.handset.WvHandset;
import io.mobim.wv.model.AccessList;
import io.mobim.wv.model.BlockEntityRequest;
import io.mobim.wv.model.CancelInviteRequest;
import io.mobim.wv.model.CancelInviteUserRequest;
import io.mobim.wv.model.DetailedResult;
import io.mobim.wv.model.EntityList;
import io.mobim.wv.model.InviteRequest;
import io.mobim.wv.model.InviteResponse;
import io.mobim.wv.model.InviteUserRequest;
import io.mobim.wv.model.InviteUserResponse;
import io.mobim.wv.model.Recipient;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.User;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CSP invitations over real HTTP on the IM core: the invitee's client is offered the invitation on a poll and answers
 * it, the inviter's client gets the answer on a poll; a cancelled invitation is withdrawn from a client that was told;
 * an SMS user is told by SMS; a refusing or unknown invitee is named in the answer.
 */
@MobimIntegrationTest
class WvInvitationsEndToEndTest extends WvTestBase {

    @Autowired SmscSimulator smsc;

    @ParameterizedTest(name = "{0} CSP {1}")
    @MethodSource("io.mobim.platform.wv.WvClients#encodingsAndVersions")
    void anInvitationIsOfferedAnsweredAndTheInviterTold(String encoding, CspVersion version) {
        Msisdn alice = clients.subscriber("alice");
        Msisdn bob = clients.subscriber("bob");
        WvHandset aliceClient = clients.loggedIn(alice, version, encoding);
        WvHandset bobClient = clients.loggedIn(bob, version, encoding);

        assertThat(aliceClient.request(invite("inv-1", "IM", null, "Coffee?", bob), Status.class).result().code()).isEqualTo(200);

        Transaction offered = bobClient.awaitPolled(InviteUserRequest.class);
        InviteUserRequest invitation = (InviteUserRequest) offered.primitive();
        assertThat(invitation.sender().user().userId()).isEqualTo(id(alice));
        assertThat(invitation.inviteType()).isEqualTo("IM");
        assertThat(invitation.inviteNote()).isEqualTo("Coffee?");
        assertThat(invitation.validity()).isBetween(1, 600);
        bobClient.acknowledge(offered);
        assertThat(bobClient.poll()).as("offered once").isNull();

        assertThat(bobClient.request(new InviteUserResponse(invitation.inviteId(), true, "Sure", null), Status.class)
                .result().code()).isEqualTo(200);
        Transaction told = aliceClient.awaitPolled(InviteResponse.class);
        InviteResponse answer = (InviteResponse) told.primitive();
        assertThat(answer.inviteId()).as("the inviter's own InviteID").isEqualTo("inv-1");
        assertThat(answer.acceptance()).isTrue();
        assertThat(answer.responseNote()).isEqualTo("Sure");
        assertThat(answer.sender().user().userId()).as("who answered is the Sender").isEqualTo(id(bob));
        aliceClient.acknowledge(told);

        assertThat(bobClient.request(new InviteUserResponse(invitation.inviteId(), false, null, null), Status.class)
                .result().code()).as("answered already").isEqualTo(423);
    }

    @Test
    void aCancelledInvitationIsWithdrawnFromAClientThatWasTold() {
        Msisdn alice = clients.subscriber("alice");
        Msisdn bob = clients.subscriber("bob");
        Msisdn carol = clients.subscriber("carol");
        WvHandset aliceClient = clients.loggedIn(alice, CspVersion.V1_1, "xml");
        WvHandset bobClient = clients.loggedIn(bob, CspVersion.V1_1, "xml");
        aliceClient.request(invite("inv-2", "PR", null, null, bob, carol), Status.class);
        String offered = ((InviteUserRequest) bobClient.awaitPolled(InviteUserRequest.class).primitive()).inviteId();

        assertThat(aliceClient.request(new CancelInviteRequest("inv-2", null, null, null, null, "Never mind", null), Status.class)
                .result().code()).isEqualTo(200);
        CancelInviteUserRequest withdrawn = (CancelInviteUserRequest) bobClient.awaitPolled(CancelInviteUserRequest.class).primitive();
        assertThat(withdrawn.inviteId()).isEqualTo(offered);
        assertThat(withdrawn.sender().user().userId()).isEqualTo(id(alice));

        WvHandset carolClient = clients.loggedIn(carol, CspVersion.V1_1, "xml");
        assertThat(carolClient.poll()).as("carol's client was never offered it: nothing to withdraw").isNull();
        assertThat(bobClient.request(new InviteUserResponse(offered, true, null, null), Status.class).result().code()).isEqualTo(423);
        assertThat(aliceClient.request(new CancelInviteRequest("inv-2", null, null, null, null, null, null), Status.class)
                .result().code()).as("nothing left to cancel").isEqualTo(423);
        assertThat(aliceClient.poll()).as("a cancellation is no answer to tell the inviter").isNull();
    }

    @Test
    void refusedAndBadInvitationsGetTheirStatus() {
        Msisdn erin = clients.subscriber("erin");
        Msisdn fred = clients.subscriber("fred");
        Msisdn gina = clients.subscriber("gina");
        WvHandset erinClient = clients.loggedIn(erin, CspVersion.V1_2, "wbxml");
        clients.loggedIn(fred, CspVersion.V1_2, "wbxml").request(new BlockEntityRequest(
                new AccessList(null, null, new EntityList(List.of(id(erin)), List.of(), List.of()), null), null), Status.class);

        Status partly = erinClient.request(invite("inv-3", "IM", null, null, fred, gina), Status.class);
        assertThat(partly.result().code()).isEqualTo(201);
        assertThat(partly.result().detailedResults()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(532);
            assertThat(d.userIds()).containsExactly(id(fred));
        });
        Status unknown = erinClient.request(new InviteRequest("inv-4", "IM",
                new Recipient(List.of(new User("wv:+33612345678@mobim")), List.of(), List.of()), null, null, null, null, null, null), Status.class);
        assertThat(unknown.result().code()).isEqualTo(531);
        assertThat(unknown.result().detailedResults()).extracting(DetailedResult::code).containsExactly(531);
        assertThat(erinClient.request(invite(null, "IM", null, null, gina), Status.class).result().code()).isEqualTo(402);
        assertThat(erinClient.request(invite("inv-5", "XX", null, null, gina), Status.class).result().code()).isEqualTo(402);
        assertThat(erinClient.request(invite("inv-6", "GR", null, null, gina), Status.class).result().code())
                .as("a group invitation names its group").isEqualTo(402);
        assertThat(erinClient.request(new InviteRequest("inv-7", "IM", null, null, null, null, null, null, null), Status.class)
                .result().code()).isEqualTo(402);
        assertThat(erinClient.request(new InviteUserResponse("not-an-invitation", true, null, null), Status.class)
                .result().code()).isEqualTo(423);
    }

    @Test
    void anSmsUserIsToldOfAnInvitationBySms() {
        Handsets phones = new Handsets(smsc, subscribers);
        Msisdn hal = clients.subscriber("hal");
        Msisdn ivy = phones.subscriber("ivy");
        WvHandset client = clients.loggedIn(hal, CspVersion.V1_2, "xml");

        assertThat(client.request(invite("inv-8", "IM", null, "Lunch at noon?", ivy), Status.class).result().code()).isEqualTo(200);
        assertThat(phones.awaitSms(ivy, "invites you to chat").text()).contains("hal", hal.value(), "Lunch at noon?");
    }

    private static InviteRequest invite(String inviteId, String type, String groupId, String note, Msisdn... to) {
        return new InviteRequest(inviteId, type, new Recipient(Arrays.stream(to).map(m -> new User(id(m))).toList(), List.of(), List.of()),
                groupId, null, null, note, null, 600);
    }
}
