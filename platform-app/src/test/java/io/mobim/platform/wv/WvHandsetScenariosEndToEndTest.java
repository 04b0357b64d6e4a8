package io.mobim.platform.wv;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.presence.ClientSessions;
import io.mobim.platform.support.MutableClock;
import io.mobim.smpp.simulator.HandsetMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The scenarios of a CSP client, driven through the handset emulator's command line ({@code wv-handset}) against the
 * running platform, each mixing WBXML and XML, CSP 1.1 and 1.2: a contact added and its presence authorisation
 * granted, with the notification that follows, and another watcher denied; an invitation to a group, answered, and a
 * group chat with its change notices; blocking and unblocking; a session left silent past its KeepAliveTime; and an
 * idle emulator woken to fetch a message, over standing TCP, by plain SMS and by WAP push (the wake SMS read from the
 * SMS-C simulator's handset, as a person reads it from the all-in-one's simulator).
 */
@MobimIntegrationTest
class WvHandsetScenariosEndToEndTest extends WvCliTestBase {

    @Autowired MutableClock clock;
    @Autowired ClientSessions clientSessions;
    @Autowired WvSettings settings;

    @Test
    void aWatcherIsAuthorisedAndToldOfChangesAndADeniedOneSeesNothing() throws Exception {
        Msisdn ann = clients.subscriber("ann");
        Msisdn bob = clients.subscriber("bob");
        Msisdn cid = clients.subscriber("cid");
        CliEmulator annPhone = start(ann, "xml", "1.1", false);
        CliEmulator bobPhone = start(bob, "wbxml", "1.2", true);
        CliEmulator cidPhone = start(cid, "xml", "1.2", false);

        bobPhone.type("add " + ann.value() + " Annie");
        bobPhone.awaitOutput("added " + id(ann) + " as Annie");
        bobPhone.type("subscribe " + ann.value());
        bobPhone.awaitOutput("subscribed to " + id(ann));
        annPhone.pollUntil("authorisation asked by " + id(bob));
        annPhone.type("auth " + bob.value() + " yes");
        annPhone.awaitOutput("authorised " + id(bob));
        annPhone.type("presence Gone fishing");
        annPhone.awaitOutput("presence set");
        bobPhone.pollUntil("StatusText=Gone fishing");
        assertThat(bobPhone.output()).contains("presence " + id(ann) + ": ");
        int seen = bobPhone.count("StatusText=Gone fishing");
        bobPhone.type("status " + ann.value());
        await(() -> assertThat(bobPhone.count("StatusText=Gone fishing")).as("GetPresence shows it too").isEqualTo(seen + 1));

        cidPhone.type("subscribe " + ann.value());
        annPhone.pollUntil("authorisation asked by " + id(cid));
        annPhone.type("auth " + cid.value() + " no");
        annPhone.awaitOutput("refused " + id(cid));
        cidPhone.type("status " + ann.value());
        cidPhone.awaitOutput("error 534 ");
        assertThat(cidPhone.output()).doesNotContain("StatusText=");

        assertThat(List.of(annPhone.exitStatus(), bobPhone.exitStatus())).containsOnly(0);
        assertThat(cidPhone.exitStatus()).as("refused presence: exit status 1").isEqualTo(1);
    }

    @Test
    void anInvitationToAGroupIsAcceptedAndTheGroupChatsWithChangeNotices() throws Exception {
        Msisdn dee = clients.subscriber("dee");
        Msisdn eli = clients.subscriber("eli");
        CliEmulator deePhone = start(dee, "wbxml", "1.1", false);
        CliEmulator eliPhone = start(eli, "xml", "1.2", true);
        String chat = "wv:" + dee.value() + "/picnic@mobim";

        deePhone.type("group picnic");
        deePhone.awaitOutput("created " + chat);
        deePhone.type("invite " + eli.value() + " " + chat + " Bring the cake");
        deePhone.awaitOutput("invited " + id(eli) + " to " + chat + " (inv-");
        eliPhone.pollUntil("from " + id(dee) + " to " + chat + ": Bring the cake");
        String invitation = eliPhone.awaitMatch("invitation (\\S+) from ");
        eliPhone.type("accept " + invitation + " yes On my way");
        eliPhone.awaitOutput("accepted " + invitation);
        deePhone.pollUntil("accepted by " + id(eli) + ": On my way");

        eliPhone.type("join " + chat + " Eli");
        eliPhone.awaitOutput("joined " + chat + ", members ");
        // an open group shows its members: CSP 1.1 lists the UserIDs and the screen names
        deePhone.pollUntil("group " + chat + ": joined " + id(eli) + ",Eli; left -");
        eliPhone.type("send " + chat + " Hello picnickers");
        eliPhone.awaitOutput("sent ");
        deePhone.pollUntil("message from Eli in " + chat + ": Hello picnickers");
        eliPhone.type("leave " + chat);
        eliPhone.awaitOutput("left " + chat);
        deePhone.pollUntil("group " + chat + ": joined -; left " + id(eli));

        eliPhone.type("send " + chat + " still there?");
        eliPhone.awaitOutput("error 808 ");
        assertThat(deePhone.exitStatus()).isZero();
        assertThat(eliPhone.exitStatus()).isEqualTo(1);
    }

    @Test
    void aBlockedUsersMessagesAreRefusedUntilUnblocked() throws Exception {
        Msisdn fay = clients.subscriber("fay");
        Msisdn gus = clients.subscriber("gus");
        CliEmulator fayPhone = start(fay, "xml", "1.1", true);
        CliEmulator gusPhone = start(gus, "wbxml", "1.2", false);

        fayPhone.type("block " + gus.value());
        fayPhone.awaitOutput("blocked " + id(gus));
        gusPhone.type("send " + fay.value() + " let me explain");
        gusPhone.awaitOutput("error 532 ");
        fayPhone.type("poll");
        fayPhone.awaitOutput("nothing new");

        fayPhone.type("unblock " + gus.value());
        fayPhone.awaitOutput("unblocked " + id(gus));
        gusPhone.type("send " + fay.value() + " sorry");
        gusPhone.awaitOutput("sent ");
        fayPhone.pollUntil("message from " + id(gus) + ": sorry");
        assertThat(fayPhone.output()).doesNotContain("let me explain");
        assertThat(fayPhone.exitStatus()).isZero();
        assertThat(gusPhone.exitStatus()).isEqualTo(1);
    }

    @Test
    void aSessionSilentPastItsKeepAliveTimeIsToldItExpiredAndLogsInAgain() throws Exception {
        Msisdn hal = clients.subscriber("hal");
        CliEmulator halPhone = start(hal, "wbxml", "1.1", true);
        halPhone.type("keepalive 60");
        halPhone.awaitOutput("keep-alive 60 s");

        clock.advance(Duration.ofSeconds(60).plus(settings.keepAliveGrace()).plusSeconds(1));
        clientSessions.expireSessions(); // the sweeper's pass, without waiting for it

        halPhone.type("contacts");
        halPhone.awaitOutput("error 600 ", "session expired: type login to log in again");
        assertThat(halPhone.output()).doesNotContain("contacts 0");
        halPhone.type("login");
        await(() -> assertThat(halPhone.count("logged in as " + id(hal) + " (digest)")).isEqualTo(2));
        halPhone.type("contacts");
        halPhone.awaitOutput("contacts 0");
        halPhone.type("logout");
        halPhone.awaitOutput("logged out");
        assertThat(halPhone.exitStatus()).as("a command was refused").isEqualTo(1);
    }

    @Test
    void anIdleEmulatorOnStandingTcpIsWokenAndPrintsTheMessage() throws Exception {
        Msisdn ida = clients.subscriber("ida");
        Msisdn jon = phones.subscriber("jon");
        CliEmulator idaPhone = start(ida, "xml", "1.2", false);

        idaPhone.type("cir tcp");
        idaPhone.awaitOutput("cir STCP 127.0.0.1:", " connected");
        idaPhone.awaitOutput("woken: WVCI 1.2 cookie-" + id(ida)); // once on HELO: something may have waited

        phones.addsContact(jon, ida, "ida");
        phones.text(jon, "1 Dinner is ready");

        // nothing typed: the WVCI line makes it poll
        idaPhone.awaitOutput("message from " + id(jon) + ": Dinner is ready");
        assertThat(idaPhone.count("woken: WVCI 1.2 ")).isGreaterThanOrEqualTo(2);
        assertThat(smsc.messagesTo(ida.value())).as("a TCP client is not woken by SMS").isEmpty();
        idaPhone.type("logout");
        assertThat(idaPhone.exitStatus()).isZero();
    }

    @Test
    void anIdleEmulatorIsWokenByPlainSmsAndByWapPushThroughTheTextItReceived() throws Exception {
        Msisdn kim = clients.subscriber("kim");
        Msisdn lou = clients.subscriber("lou");
        Msisdn max = phones.subscriber("max");
        Msisdn ned = phones.subscriber("ned");
        CliEmulator kimPhone = start(kim, "wbxml", "1.1", false);
        CliEmulator louPhone = start(lou, "xml", "1.2", true);
        kimPhone.type("cir sms");
        kimPhone.awaitOutput("cir SSMS: a wake comes as an SMS to " + id(kim));
        louPhone.type("cir wap");
        louPhone.awaitOutput("cir WAPSMS: a wake comes as an SMS to " + id(lou));

        phones.addsContact(max, kim, "kim");
        phones.text(max, "1 Ring me back");
        wakeUntil(kimPhone, kim, "message from " + id(max) + ": Ring me back");
        assertThat(kimPhone.output()).contains("woken: WVCI 1.1 cookie-" + id(kim));
        assertThat(smsc.messagesTo(kim.value())).filteredOn(m -> m.text().contains("WVCI")).first()
                .satisfies(m -> assertThat(m.text()).as("a plain SMS").isEqualTo("WVCI 1.1 cookie-" + id(kim)));

        phones.addsContact(ned, lou, "lou");
        phones.text(ned, "1 Are you there?");
        wakeUntil(louPhone, lou, "message from " + id(ned) + ": Are you there?");
        assertThat(louPhone.output()).contains("woken: WVCI 1.2 cookie-" + id(lou));

        kimPhone.type("wake WVCI 1.1 cookie-someone-else");
        kimPhone.awaitOutput("error not a wake for this session");
        assertThat(smsc.messagesTo(kim.value())).as("woken in time: no SMS fallback of the message")
                .noneMatch(m -> m.text().contains("Ring me back"));
        assertThat(louPhone.exitStatus()).isZero();
        assertThat(kimPhone.exitStatus()).isEqualTo(1);
    }

    /**
     * Hands each wake SMS the simulator's handset received to the emulator, as a person reading them types
     * {@code wake <text>}, until it printed {@code line}.
     */
    private void wakeUntil(CliEmulator phone, Msisdn who, String line) {
        AtomicInteger handed = new AtomicInteger();
        org.awaitility.Awaitility.await().atMost(CliEmulator.WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            List<HandsetMessage> wakes = smsc.messagesTo(who.value()).stream().filter(m -> m.text().contains("WVCI")).toList();
            while (handed.get() < wakes.size()) {
                phone.type("wake " + wakes.get(handed.getAndIncrement()).text());
            }
            return phone.output().contains(line);
        });
    }

    private static String id(Msisdn m) {
        return "wv:" + m.value() + "@mobim";
    }

    private static void await(org.awaitility.core.ThrowingRunnable assertion) {
        org.awaitility.Awaitility.await().atMost(CliEmulator.WAIT).untilAsserted(assertion);
    }
}
