package io.mobim.clearing.settlement;

import io.mobim.events.csv.CsvRow;
import java.util.List;

/**
 * A statement as CSV: one row per line (kind TRAFFIC, LATE_ADJUSTMENT, HUB_FEE, ...), then the withheld disputes
 * (kind DISPUTE_WITHHELD), then the trailer rows GROSS_A_TO_B, GROSS_B_TO_A, NET and CONTROL_TOTAL (messages, units,
 * and the sum of the owed lines), in the same columns.
 */
public final class StatementCsv {

    public static final String HEADER = "statement_id,agreement_id,period,status,line,kind,direction,channel,event_period,"
            + "agreement_version,messages,units,unit_price,price_currency,exchange_rate,amount,currency,amount_minor,payer,payee";

    private StatementCsv() {
    }

    public static String write(Statement s) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (List<StatementLine> lines : List.of(s.lines(), s.withheld())) {
            for (StatementLine l : lines) {
                CsvRow.append(out, s.id(), s.agreementId(), s.period(), s.status(), l.line(), l.kind(), l.direction(), l.channel(),
                        l.eventPeriod(), l.agreementVersion(), l.messages(), l.units(), l.unitPrice(), l.priceCurrency(),
                        l.exchangeRate(), l.amount(), s.currency(), l.amountMinor(), l.payer(), l.payee());
            }
        }
        trailer(out, s, "GROSS_A_TO_B", null, null, s.grossAToB(), s.partyA(), s.partyB());
        trailer(out, s, "GROSS_B_TO_A", null, null, s.grossBToA(), s.partyB(), s.partyA());
        if (s.netAmount() != null) {
            String payee = s.netPayer() == null ? null : s.netPayer().equals(s.partyA()) ? s.partyB() : s.partyA();
            trailer(out, s, "NET", null, null, s.netAmount(), s.netPayer(), payee);
        }
        Statement.ControlTotals c = s.controlTotals();
        trailer(out, s, "CONTROL_TOTAL", c.messages(), c.units(), c.totalOwed(), null, null);
        return out.toString();
    }

    private static void trailer(StringBuilder out, Statement s, String kind, Long messages, Long units, java.math.BigDecimal amount,
            String payer, String payee) {
        CsvRow.append(out, s.id(), s.agreementId(), s.period(), s.status(), null, kind, null, null, s.period(), null, messages,
                units, null, null, null, amount, s.currency(), Amounts.minor(amount, s.currency()), payer, payee);
    }
}
