package io.mobim.billing.rating;

/**
 * What rating a batch did.
 *
 * @param rated      new rated records
 * @param rejected   events kept as rejected records
 * @param duplicates events skipped because they were already rated or rejected (replays)
 */
public record RatingOutcome(int rated, int rejected, int duplicates) {
}
