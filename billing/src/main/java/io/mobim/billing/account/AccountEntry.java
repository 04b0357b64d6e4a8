package io.mobim.billing.account;

import java.time.Instant;

/** A row of {@code billing.account} as the rating path reads it (plain value, no persistence context). */
public record AccountEntry(String msisdn, Instant validFrom, String planId, Account.Source source) {
}
