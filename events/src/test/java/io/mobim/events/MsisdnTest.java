package io.mobim.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MsisdnTest {

    @Test
    void acceptsTheNumbersTheE164RuleAccepts() {
        List<String> valid = List.of("+4477009", "+447700900001", "+123456789012345", "+19999999");
        List<String> invalid = List.of("", "+", "447700900001", "+0447700900001", "+447700", "+1234567890123456",
                "+44 7700900001", "+44770090000a", "++447700900001", "+44770090000１", "20123");
        valid.forEach(n -> assertThat(Msisdn.isE164(n)).as(n).isTrue());
        invalid.forEach(n -> assertThat(Msisdn.isE164(n)).as(n).isFalse());
        assertThat(Msisdn.isE164(null)).isFalse();
    }

    @Test
    void agreesWithThePatternTheContractsPublish() {
        // mostly a '+' and then digits, so that many candidates lie at the rule's edges (length, leading 0)
        HandCheckedRules.agree(Msisdn::isE164, Msisdn.E164, "+", "0123456789", "+0123456789 a１", 17);
    }

    @Test
    void refusesToHoldANumberThatIsNotE164AndMasksItsMiddle() {
        assertThatThrownBy(() -> Msisdn.of("447700900001")).isInstanceOf(Msisdn.InvalidMsisdn.class);
        assertThat(Msisdn.parse("07700 900001", "44").value()).isEqualTo("+447700900001");
        assertThat(Msisdn.of("+447700900001").toString()).isEqualTo("+4477009***01");
    }
}
