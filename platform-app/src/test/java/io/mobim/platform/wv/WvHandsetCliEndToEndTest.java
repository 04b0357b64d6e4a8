package io.mobim.platform.wv;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.wv.handset.WvHandsetCli;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The handset emulator's command line ({@code wv-handset}) against the running platform, as a person or a script
 * uses it: two emulators, one logged in with the digest over WBXML CSP 1.2 and one in clear over XML CSP 1.1, exchange
 * a message, see each other's contact entry and status text, and one exchanges messages with a subscriber who has
 * only SMS (the SMS-C simulator's handset), both ways. Each emulator runs {@link WvHandsetCli#run} on its own thread,
 * reading the commands typed to it and printing what a person would read.
 */
@MobimIntegrationTest
class WvHandsetCliEndToEndTest extends WvCliTestBase {

    @Test
    void twoEmulatorsExchangeMessagesAndOneTalksWithAnSmsOnlySubscriber() throws Exception {
        Msisdn ann = clients.subscriber("ann");
        Msisdn bob = clients.subscriber("bob");
        Msisdn dan = phones.subscriber("dan");
        CliEmulator annPhone = start(ann, "wbxml", "1.2", true);
        CliEmulator bobPhone = start(bob, "xml", "1.1", false);
        annPhone.awaitOutput("logged in as wv:" + ann.value() + "@mobim (digest)");
        bobPhone.awaitOutput("logged in as wv:" + bob.value() + "@mobim");

        annPhone.type("add " + bob.value() + " Bobby");
        annPhone.awaitOutput("added wv:" + bob.value() + "@mobim as Bobby");
        annPhone.type("contacts");
        annPhone.awaitOutput("contacts 1", "  Bobby wv:" + bob.value() + "@mobim");

        annPhone.type("send " + bob.value() + " Hello Bob, from the emulator");
        annPhone.awaitOutput("sent ");
        bobPhone.type("poll 30");
        bobPhone.awaitOutput("message from wv:" + ann.value() + "@mobim: Hello Bob, from the emulator");
        bobPhone.type("send wv:" + ann.value() + "@mobim Hi Ann");
        annPhone.type("poll 30");
        annPhone.awaitOutput("message from wv:" + bob.value() + "@mobim: Hi Ann");

        annPhone.type("send " + dan.value() + " Are you coming tonight?");
        assertThat(phones.awaitSms(dan, "Are you coming tonight?").text()).startsWith("ann");
        phones.addsContact(dan, ann, "ann");
        phones.text(dan, "1 Yes, at eight");
        // dan's ADD asks ann's authorisation first: a poll may hand that out and end before his message is there
        annPhone.pollUntil("message from wv:" + dan.value() + "@mobim: Yes, at eight");

        annPhone.type("presence Out for lunch");
        annPhone.awaitOutput("presence set");
        annPhone.type("search " + dan.value());
        annPhone.awaitOutput("found 1", "  wv:" + dan.value() + "@mobim");
        annPhone.type("frobnicate");
        annPhone.awaitOutput("usage: unknown command: frobnicate (help lists them)");

        annPhone.type("logout");
        bobPhone.type("logout");
        assertThat(annPhone.exitStatus()).as("a command was refused: exit status 1").isEqualTo(1);
        assertThat(bobPhone.exitStatus()).isZero();
        assertThat(annPhone.output()).endsWith("logged out\n");
    }

    @Test
    void aScriptOnStandardInputRunsToItsEndAndAWrongPasswordIsRefused() throws Exception {
        Msisdn eve = clients.subscriber("eve");
        String script = """
                # a scripted session: comments and blank lines are skipped

                contacts
                join wv:%s/nothing@mobim
                logout
                """.formatted(eve.value());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = WvHandsetCli.run(args(eve, "xml", "1.2", false, WvClients.PASSWORD),
                new BufferedReader(new StringReader(script)), new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("logged in as wv:" + eve.value() + "@mobim", "contacts 0", "logged out");
        assertThat(out).as("a group that does not exist").contains("error 800 ");
        assertThat(status).isEqualTo(1);

        bytes.reset();
        int refused = WvHandsetCli.run(args(eve, "wbxml", "1.1", true, "not-the-password"),
                new BufferedReader(new StringReader("contacts\n")), new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        assertThat(refused).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("error 409 ").doesNotContain("contacts");
    }
}
