package io.mobim.clearing.agreement;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of an agreement between two operators. Versions are never changed: a change of terms is a new version,
 * which governs the days it is valid for (the highest version wins where several are).
 */
public record Agreement(String agreementId, int version, Instant createdAt, AgreementTerms terms) {

    /** Whether this version is valid on {@code day}. */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(terms.validFrom()) && (terms.validTo() == null || day.isBefore(terms.validTo()));
    }

    /** The direction of a message from {@code originatingOperator}. */
    public Direction direction(String originatingOperator) {
        return terms.partyA().equals(originatingOperator) ? Direction.A_TO_B : Direction.B_TO_A;
    }

    /** The operator that pays for traffic in {@code direction} (the originating one). */
    public String originOf(Direction direction) {
        return direction == Direction.A_TO_B ? terms.partyA() : terms.partyB();
    }

    /** The operator traffic in {@code direction} goes to. */
    public String destinationOf(Direction direction) {
        return direction == Direction.A_TO_B ? terms.partyB() : terms.partyA();
    }
}
