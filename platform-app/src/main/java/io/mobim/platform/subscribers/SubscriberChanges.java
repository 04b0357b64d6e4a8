package io.mobim.platform.subscribers;

/**
 * What to change on a subscriber; null fields stay as they are.
 *
 * @param nickname 1..32 letters, digits, '.', '_' or '-'
 * @param password the client password in clear (stored only as a hash), 6..64 characters
 * @param locale one of the operator's languages ({@code mobim.subscribers.locales})
 * @param tariffPlan the billing plan id, e.g. {@code VODAFONE_UK}
 * @param status ACTIVE, SUSPENDED or BARRED
 * @param smsFallback whether messages fall back to SMS when no client session is live
 * @param contactsOnly whether only contacts may write to the subscriber
 */
public record SubscriberChanges(String nickname, String password, String locale, String tariffPlan,
                                SubscriberStatus status, Boolean smsFallback, Boolean contactsOnly) {

    public static SubscriberChanges none() {
        return new SubscriberChanges(null, null, null, null, null, null, null);
    }

    public SubscriberChanges withStatus(SubscriberStatus newStatus) {
        return new SubscriberChanges(nickname, password, locale, tariffPlan, newStatus, smsFallback, contactsOnly);
    }
}
