package io.mobim.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.platform.presence.Availability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmsCommandParserTest {

    private final SmsCommandParser parser = new SmsCommandParser();

    @Test
    void aNumberAndTextWritesToThatContact() {
        assertThat(parser.parse("1 Hello there")).isEqualTo(new SmsCommand.SendToContact(1, "Hello there"));
        assertThat(parser.parse("  12   see you at 8  ")).isEqualTo(new SmsCommand.SendToContact(12, "see you at 8"));
    }

    @Test
    void nicknamesAndRoomsAreAddressedBySigns() {
        assertThat(parser.parse("@Bob hi")).isEqualTo(new SmsCommand.SendToNickname("Bob", "hi"));
        assertThat(parser.parse("#Lobby hi all")).isEqualTo(new SmsCommand.SendToRoom("lobby", "hi all"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ADD +447700900123 Bob", "add +447700900123 Bob", "/add +447700900123 Bob", "Ajout +447700900123 Bob",
            "*AJOUTER +447700900123 Bob"})
    void keywordsIgnoreCaseAndPrefixAndSpeakFrench(String sms) {
        assertThat(parser.parse(sms)).isEqualTo(new SmsCommand.Add("+447700900123", "Bob"));
    }

    @ParameterizedTest
    @CsvSource({"STOP", "stop", "Quit", "END", "UNSUBSCRIBE", "Arrêt", "arreter"})
    void everyOptOutWordStops(String sms) {
        assertThat(parser.parse(sms)).isEqualTo(new SmsCommand.Stop());
    }

    @Test
    void presenceAndRooms() {
        assertThat(parser.parse("STATUS busy at work")).isEqualTo(new SmsCommand.SetStatus(Availability.BUSY, "at work"));
        assertThat(parser.parse("etat occupé")).isEqualTo(new SmsCommand.SetStatus(Availability.BUSY, null));
        assertThat(parser.parse("JOIN lobby Tiger")).isEqualTo(new SmsCommand.Join("lobby", "Tiger"));
        assertThat(parser.parse("quitter #lobby")).isEqualTo(new SmsCommand.Leave("lobby"));
        assertThat(parser.parse("ROOMS")).isEqualTo(new SmsCommand.Rooms());
        assertThat(parser.parse("ACCEPT 2")).isEqualTo(new SmsCommand.Accept(2));
        assertThat(parser.parse("accept")).isEqualTo(new SmsCommand.Accept(1));
        assertThat(parser.parse("REG alice")).isEqualTo(new SmsCommand.Register("alice"));
        assertThat(parser.parse("START")).isEqualTo(new SmsCommand.Register(null));
        assertThat(parser.parse("help add")).isEqualTo(new SmsCommand.Help("add"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PASS tiger 2005", "pass tiger 2005", "MDP tiger 2005", "/mdp   tiger 2005  ", "Password tiger 2005"})
    void passOrMdpSetsTheClientPasswordAndNeverShowsIt(String sms) {
        SmsCommand command = parser.parse(sms);
        assertThat(command).isEqualTo(new SmsCommand.SetPassword("tiger 2005"));
        assertThat(command.toString()).doesNotContain("tiger");
        assertThat(parser.parse("PASS")).isEqualTo(new SmsCommand.Invalid("pass"));
    }

    @Test
    void malformedCommandsNameTheUsageToShow() {
        assertThat(parser.parse("DEL two")).isEqualTo(new SmsCommand.Invalid("del"));
        assertThat(parser.parse("DEL 2 3")).isEqualTo(new SmsCommand.Invalid("del"));
        assertThat(parser.parse("STATUS sleepy")).isEqualTo(new SmsCommand.Invalid("status"));
        assertThat(parser.parse("ADD")).isEqualTo(new SmsCommand.Invalid("add"));
        assertThat(parser.parse("3")).isEqualTo(new SmsCommand.Invalid("send"));
        assertThat(parser.parse("@bob")).isEqualTo(new SmsCommand.Invalid("nick"));
        assertThat(parser.parse("hello are you there")).isEqualTo(new SmsCommand.Invalid(null));
        assertThat(parser.parse("")).isEqualTo(new SmsCommand.Invalid(null));
        assertThat(parser.parse(null)).isEqualTo(new SmsCommand.Invalid(null));
    }
}
