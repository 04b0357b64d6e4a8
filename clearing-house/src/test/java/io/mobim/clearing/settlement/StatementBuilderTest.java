package io.mobim.clearing.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.clearing.agreement.Agreement;
import io.mobim.clearing.agreement.AgreementJson;
import io.mobim.clearing.agreement.SettlementPeriod;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The money of a statement from summed traffic: fees, shares, versions, late lines and rounding, to the cent. */
class StatementBuilderTest {

    private static final SettlementPeriod.Span OCTOBER = SettlementPeriod.MONTHLY.parse("2026-10");
    private static final Instant T = Instant.parse("2026-10-10T00:00:00Z");

    private static Agreement agreement(int version, String json) {
        return new Agreement("AG", version, T, AgreementJson.read(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static TrafficAggregate sum(String from, LocalDate day, boolean disputed, long messages, long units) {
        return new TrafficAggregate(from, "SMS", day, disputed, messages, units, T, T);
    }

    @Test
    void a_hub_fee_is_owed_to_the_hub_outside_the_netting_and_a_new_version_prices_its_own_days() {
        String terms = """
                {"partyA": "AAA01", "partyB": "BBB01", "validFrom": "%s", "validTo": %s, "chargingModel": "HUB_FEE",
                 "rates": [{"direction": "A_TO_B", "price": "%s", "currency": "EUR"},
                           {"direction": "B_TO_A", "price": "0.0300", "currency": "EUR"}],
                 "hubFee": {"hubId": "HUB01", "price": "0.0015", "currency": "EUR"},
                 "settlementCurrency": "EUR", "settlementPeriod": "MONTHLY", "timeToleranceSeconds": 60, "netting": "BILATERAL"}""";
        List<Agreement> versions = List.of(agreement(1, terms.formatted("2026-01-01", "null", "0.0200")),
                agreement(2, terms.formatted("2026-10-15", "null", "0.0250")));
        Statement s = StatementBuilder.build(versions, OCTOBER, List.of(
                sum("AAA01", LocalDate.of(2026, 10, 3), false, 100, 150),     // v1: 150 x 0.02 = 3.00, hub 0.225 -> 0.23
                sum("AAA01", LocalDate.of(2026, 10, 20), false, 10, 10),      // v2: 10 x 0.025 = 0.25, hub 0.015 -> 0.02
                sum("BBB01", LocalDate.of(2026, 10, 20), false, 40, 41),      // v2: 41 x 0.03 = 1.23, hub 0.0615 -> 0.06
                sum("BBB01", LocalDate.of(2026, 9, 28), false, 1, 1),         // late, v1: 0.03, hub 0.0015 -> 0.00
                sum("AAA01", LocalDate.of(2026, 10, 21), true, 2, 2)),        // disputed: 0.05, withheld
                StatementStatus.DRAFT);

        assertThat(s.grossAToB()).isEqualByComparingTo("3.25");
        assertThat(s.grossBToA()).isEqualByComparingTo("1.26");
        assertThat(s.netAmount()).isEqualByComparingTo("1.99");
        assertThat(s.netPayer()).isEqualTo("AAA01");
        assertThat(s.hubFees()).extracting(h -> h.payer() + ">" + h.hub() + ":" + h.amount())
                .containsExactly("AAA01>HUB01:0.25", "BBB01>HUB01:0.06");
        assertThat(s.agreementVersions()).containsExactly(1, 2);
        assertThat(s.lines()).filteredOn(l -> l.kind() == LineKind.LATE_ADJUSTMENT)
                .singleElement().satisfies(l -> assertThat(l.eventPeriod()).isEqualTo("2026-09"));
        assertThat(s.withheld()).singleElement().satisfies(l -> assertThat(l.amount()).isEqualByComparingTo("0.05"));
        assertThat(s.controlTotals().messages()).isEqualTo(151);
        assertThat(s.controlTotals().totalOwedMinor()).isEqualTo(325 + 126 + 25 + 6);
    }

    @Test
    void a_revenue_share_pays_the_provider_its_share_after_the_kiosk_commission_and_the_licence_fee() {
        Agreement v = agreement(1, """
                {"partyA": "OPR01", "partyB": "ICQ01", "validFrom": "2026-01-01", "chargingModel": "REVENUE_SHARE",
                 "rates": [{"direction": "A_TO_B", "price": "0.09", "currency": "EUR"},
                           {"direction": "B_TO_A", "price": "0.05", "currency": "EUR"}],
                 "revenueShare": {"fixedLicenceFee": "250.00", "variableSharePct": "35", "kioskCommissionPct": "12.5"},
                 "settlementCurrency": "EUR", "settlementPeriod": "MONTHLY", "timeToleranceSeconds": 60, "netting": "BILATERAL"}""");
        Statement s = StatementBuilder.build(List.of(v), OCTOBER, List.of(
                sum("OPR01", LocalDate.of(2026, 10, 3), false, 1000, 1001),    // retail 90.09
                sum("ICQ01", LocalDate.of(2026, 10, 4), false, 333, 333)),     // retail 16.65
                StatementStatus.DRAFT);
        // retail 106.74; kiosk 12.5% = 13.3425 -> 13.34; provider 35% of 93.40 = 32.69
        assertThat(s.lines()).extracting(l -> l.kind() + ":" + l.amount() + ":" + l.payer())
                .containsExactly("TRAFFIC:90.09:null", "TRAFFIC:16.65:null", "KIOSK_COMMISSION:13.34:null",
                        "REVENUE_SHARE:32.69:OPR01", "LICENCE_FEE:250.00:OPR01");
        assertThat(s.grossAToB()).isEqualByComparingTo("282.69");
        assertThat(s.grossBToA()).isEqualByComparingTo("0.00");
        assertThat(s.netAmount()).isEqualByComparingTo("282.69");
        assertThat(s.netPayer()).isEqualTo("OPR01");
    }

    @Test
    void sender_keeps_all_counts_messages_and_owes_nothing() {
        Agreement v = agreement(1, """
                {"partyA": "AAA02", "partyB": "BBB02", "validFrom": "2026-01-01", "chargingModel": "SENDER_KEEPS_ALL",
                 "settlementCurrency": "GBP", "settlementPeriod": "MONTHLY", "timeToleranceSeconds": 60, "netting": "NONE"}""");
        Statement s = StatementBuilder.build(List.of(v), OCTOBER, List.of(sum("AAA02", LocalDate.of(2026, 10, 3), false, 7, 9)),
                StatementStatus.DRAFT);
        assertThat(s.controlTotals().messages()).isEqualTo(7);
        assertThat(s.grossAToB()).isEqualByComparingTo("0.00");
        assertThat(s.netAmount()).isNull();
        assertThat(s.netPayer()).isNull();
    }
}
