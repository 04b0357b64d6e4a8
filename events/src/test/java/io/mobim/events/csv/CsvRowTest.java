package io.mobim.events.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CsvRowTest {

    @Test
    void freeTextThatASpreadsheetWouldRunIsNeutralised() {
        assertThat(CsvRow.cell("=HYPERLINK(\"http://evil.example\",\"click\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"");
        assertThat(CsvRow.cell("+1+cmd|' /C calc'!A0")).isEqualTo("'+1+cmd|' /C calc'!A0");
        assertThat(CsvRow.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvRow.cell("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
        assertThat(CsvRow.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvRow.cell("\r=1")).isEqualTo("\"'\r=1\"");
    }

    @Test
    void ordinaryTextNumbersAndE164AreWrittenAsTheyAre() {
        assertThat(CsvRow.cell("alice")).isEqualTo("alice");
        assertThat(CsvRow.cell("a=b")).isEqualTo("a=b");
        assertThat(CsvRow.cell("+447700900001")).isEqualTo("+447700900001");
        assertThat(CsvRow.cell(new BigDecimal("-1.50"))).isEqualTo("-1.50");
        assertThat(CsvRow.cell(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(CsvRow.cell(-3)).isEqualTo("-3");
        assertThat(CsvRow.cell(ZoneOffset.ofHours(1))).isEqualTo("+01:00");
        assertThat(CsvRow.cell(Instant.parse("2031-03-14T09:00:00Z"))).isEqualTo("2031-03-14T09:00:00Z");
        assertThat(CsvRow.cell(null)).isEmpty();
        assertThat(CsvRow.cell("")).isEmpty();
    }

    @Test
    void aRowIsQuotedPerRfc4180AndEndsWithCrlf() {
        StringBuilder out = new StringBuilder();
        CsvRow.append(out, "a,b", "say \"hi\"", null, 7, "-x");
        assertThat(out).hasToString("\"a,b\",\"say \"\"hi\"\"\",,7,'-x\r\n");
    }
}
