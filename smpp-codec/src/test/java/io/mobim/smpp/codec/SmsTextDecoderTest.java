package io.mobim.smpp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.smpp.codec.SmsTextDecoder.DefaultAlphabet;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SmsTextDecoderTest {

    @Test
    void nulPaddingIsDroppedWhateverTheCoding() {
        assertThat(SmsTextDecoder.decode((byte) 0x08, "1 hi\u0000 there\u0000".getBytes(StandardCharsets.UTF_16BE), DefaultAlphabet.GSM7))
                .isEqualTo("1 hi there");
        assertThat(SmsTextDecoder.decode((byte) 0x03, "LIST\u0000\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1), DefaultAlphabet.GSM7))
                .isEqualTo("LIST");
        assertThat(SmsTextDecoder.decode((byte) 0x00, "1 ok\u0000".getBytes(StandardCharsets.US_ASCII), DefaultAlphabet.ASCII))
                .isEqualTo("1 ok");
    }

    @Test
    void octetZeroInGsm7IsTheAtSignNotNul() {
        assertThat(SmsTextDecoder.decode((byte) 0x00, Gsm7.encode("@bob hi"), DefaultAlphabet.GSM7)).isEqualTo("@bob hi");
    }

    @Test
    void ucs2TextIsKeptAsSent() {
        String greek = "Καλημέρα κόσμε";
        assertThat(SmsTextDecoder.decode((byte) 0x08, greek.getBytes(StandardCharsets.UTF_16BE), DefaultAlphabet.GSM7)).isEqualTo(greek);
    }
}
