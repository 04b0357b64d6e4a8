package io.mobim.platform.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.support.TestNumbers;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;

/**
 * Customer care's search (the console's subscribers page): by a part of the number, with or without its '+', or a
 * part of the nickname ignoring case; a page at a time, in number order; LIKE's wildcards typed by a person are
 * plain characters.
 */
@MobimIntegrationTest
class SubscriberSearchTest {

    private static final SubscriberChanges NO_CHANGES = new SubscriberChanges(null, null, null, null, null, null, null);

    @Autowired Subscribers subscribers;

    @Test
    void findsByPartOfTheNumberOrNicknameAPageAtATime() {
        String tag = "q" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        Msisdn a = TestNumbers.next();
        Msisdn b = TestNumbers.next();
        Msisdn c = TestNumbers.next();
        subscribers.register(a, "Zed_" + tag, NO_CHANGES);
        subscribers.register(b, "zed" + tag, NO_CHANGES);
        subscribers.register(c, "Other" + tag.substring(1), NO_CHANGES);

        assertThat(numbers(subscribers.search("ZED", 0, 1000))).contains(a.value(), b.value()).doesNotContain(c.value());
        Page<Subscriber> first = subscribers.search(tag, 0, 1);
        assertThat(first.getTotalElements()).isEqualTo(2);
        assertThat(first.getContent()).extracting(s -> s.msisdn().value()).containsExactly(min(a, b));
        assertThat(numbers(subscribers.search(tag, 1, 1))).containsExactly(max(a, b));
        // '_' is a character, not LIKE's any-character
        assertThat(numbers(subscribers.search("_" + tag, 0, 10))).containsExactly(a.value());
        assertThat(numbers(subscribers.search("%" + tag, 0, 10))).isEmpty();
        // the number: from its start with the '+', anywhere without it
        assertThat(numbers(subscribers.search(a.value(), 0, 10))).containsExactly(a.value());
        assertThat(numbers(subscribers.search(a.value().substring(5), 0, 10))).contains(a.value());
        assertThat(subscribers.search("", 0, 5).getContent()).hasSizeLessThanOrEqualTo(5);
    }

    private static List<String> numbers(Page<Subscriber> page) {
        return page.getContent().stream().map(s -> s.msisdn().value()).toList();
    }

    private static String min(Msisdn x, Msisdn y) {
        return x.value().compareTo(y.value()) < 0 ? x.value() : y.value();
    }

    private static String max(Msisdn x, Msisdn y) {
        return x.value().compareTo(y.value()) < 0 ? y.value() : x.value();
    }
}
