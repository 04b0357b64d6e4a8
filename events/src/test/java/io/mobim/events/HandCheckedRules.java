package io.mobim.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Holds a rule checked by hand to the pattern the contracts publish for it, over many generated candidates. */
public final class HandCheckedRules {

    private HandCheckedRules() {
    }

    /**
     * Generates candidates of up to {@code maxLength} characters, each character mostly from {@code likely} (the first
     * from {@code likelyFirst}), so that many lie at the rule's edges, else from {@code any}; asserts that
     * {@code byHand} and {@code pattern} agree on each.
     */
    public static void agree(Predicate<String> byHand, Pattern pattern, String likelyFirst, String likely, String any,
                             int maxLength) {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(maxLength + 1);
            for (int k = 0; k < length; k++) {
                String from = random.nextInt(8) > 0 ? (k == 0 ? likelyFirst : likely) : any;
                s.append(from.charAt(random.nextInt(from.length())));
            }
            String candidate = s.toString();
            assertThat(byHand.test(candidate)).as(candidate).isEqualTo(pattern.matcher(candidate).matches());
        }
    }
}
