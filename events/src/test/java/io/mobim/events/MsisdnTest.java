package io.mobim.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
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
        Random random = new Random(7);
        String digits = "0123456789";
        String any = "+0123456789 a１";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(18);
            for (int k = 0; k < length; k++) {
                // mostly a '+' and then digits, so that many candidates lie at the rule's edges (length, leading 0)
                boolean likely = random.nextInt(8) > 0;
                String from = likely ? (k == 0 ? "+" : digits) : any;
                s.append(from.charAt(random.nextInt(from.length())));
            }
            String candidate = s.toString();
            assertThat(Msisdn.isE164(candidate)).as(candidate).isEqualTo(Msisdn.E164.matcher(candidate).matches());
        }
    }

    @Test
    void refusesToHoldANumberThatIsNotE164AndMasksItsMiddle() {
        assertThatThrownBy(() -> Msisdn.of("447700900001")).isInstanceOf(Msisdn.InvalidMsisdn.class);
        assertThat(Msisdn.parse("07700 900001", "44").value()).isEqualTo("+447700900001");
        assertThat(Msisdn.of("+447700900001").toString()).isEqualTo("+4477009***01");
    }
}
