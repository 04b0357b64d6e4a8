package io.mobim.smpp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Gsm7Test {

    @Test
    void asciiLettersDigitsAndPunctuationKeepTheirCodes() {
        assertThat(Gsm7.encode("1 Hello there")).isEqualTo("1 Hello there".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void basicTableCharactersDifferingFromAscii() {
        assertThat(Gsm7.encode("@£$¥_¡¿äöñüàΔ")).containsExactly(
                0x00, 0x01, 0x02, 0x03, 0x11, 0x40, 0x60, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F, 0x10);
        assertThat(Gsm7.decode(new byte[] {0x00, 0x01, 0x02, 0x24, 0x5B, 0x5F})).isEqualTo("@£$¤Ä§");
    }

    @Test
    void extensionCharactersAreEscapedAndCostTwoSeptets() {
        assertThat(Gsm7.encode("€[]{}~^|\\\f")).containsExactly(
                0x1B, 0x65, 0x1B, 0x3C, 0x1B, 0x3E, 0x1B, 0x28, 0x1B, 0x29, 0x1B, 0x3D, 0x1B, 0x14, 0x1B, 0x40,
                0x1B, 0x2F, 0x1B, 0x0A);
        assertThat(Gsm7.septets("a€")).isEqualTo(3);
        assertThat(Gsm7.decode(Gsm7.encode("Price: 5€ [approx] {x}"))).isEqualTo("Price: 5€ [approx] {x}");
    }

    @Test
    void charactersOutsideTheAlphabetAreNotEncodable() {
        assertThat(Gsm7.canEncode("café")).isTrue();      // é is in the basic table
        assertThat(Gsm7.canEncode("á")).isFalse();
        assertThat(Gsm7.canEncode("`")).isFalse();
        assertThat(Gsm7.canEncode("Привет")).isFalse();
        assertThat(Gsm7.canEncode("ok 😀")).isFalse();
        assertThat(Gsm7.septets("á")).isEqualTo(-1);
        assertThatThrownBy(() -> Gsm7.encode("á")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SmsEncoding.choose("café")).isEqualTo(SmsEncoding.GSM7);
        assertThat(SmsEncoding.choose("cafá")).isEqualTo(SmsEncoding.UCS2);
    }

    @Test
    void everyBasicCodeRoundTrips() {
        for (int code = 0; code < 128; code++) {
            if (code == Gsm7.ESC) {
                continue;
            }
            String s = Gsm7.decode(new byte[] {(byte) code});
            assertThat(Gsm7.encode(s)).as("code 0x%02x", code).containsExactly(code);
        }
    }

    @Test
    void unknownEscapeFallsBackAndLoneEscapeIsDropped() {
        assertThat(Gsm7.decode(new byte[] {0x1B, 0x41})).isEqualTo("A");
        assertThat(Gsm7.decode(new byte[] {0x41, 0x1B})).isEqualTo("A");
    }
}
