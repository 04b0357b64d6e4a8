package io.mobim.billing.records;

import java.util.List;
import java.util.UUID;

/**
 * One page of rated records in event-id order, and where the next page starts ({@code null} on the last one): a
 * keyset, so that a page deep into a day of a million records costs what the first one does.
 */
public record RecordPage(List<RatedRecord> records, UUID next) {
}
