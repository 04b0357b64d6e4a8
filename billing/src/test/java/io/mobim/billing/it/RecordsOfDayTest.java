package io.mobim.billing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mobim.billing.Traffic;
import io.mobim.billing.rating.RatingService;
import io.mobim.billing.records.BillService;
import io.mobim.billing.records.RatedRecord;
import io.mobim.billing.records.RecordFilter;
import io.mobim.billing.records.RecordPage;
import io.mobim.events.charging.ChargingEvent;
import io.mobim.events.charging.ChargingKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A business day's rated records a page at a time, as the operator console lists them: every current record exactly
 * once across the pages, in event-id order, the last page saying so; filters by subscriber, message and kind.
 */
class RecordsOfDayTest extends BillingDatabaseTest {

    /** A day no other test rates on (each test run gets its own, years ahead of the others' fixed days). */
    private static final LocalDate DAY = LocalDate.of(2031, 3, 1 + ThreadLocalRandom.current().nextInt(28));
    /** Noon in London, the test context's business zone, on that day. */
    private static final Instant NOON = DAY.atTime(12, 0).atZone(java.time.ZoneId.of("Europe/London")).toInstant();

    @Autowired RatingService rating;
    @Autowired BillService bills;

    @Test
    void everyRecordOfTheDayComesOnceAcrossThePagesAndTheFiltersNarrowThem() {
        String ann = "+447733" + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
        String bob = "+447744" + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
        Traffic annTraffic = Traffic.of(ann, "VODAFONE_UK");
        Traffic bobTraffic = new Traffic("im-2", 1, bob, "VODAFONE_UK");
        List<ChargingEvent> events = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            events.add(annTraffic.sentSms(NOON.plus(Duration.ofSeconds(i)), 1));
        }
        events.add(annTraffic.dailyAccess(NOON));
        for (int i = 0; i < 4; i++) {
            events.add(bobTraffic.receivedSms(NOON.plus(Duration.ofSeconds(i))));
        }
        rating.rate(events);
        Set<UUID> rated = new HashSet<>(events.stream().map(ChargingEvent::eventId).toList());

        List<RatedRecord> seen = new ArrayList<>();
        UUID after = null;
        int pages = 0;
        do {
            RecordPage page = bills.recordsOfDay(new RecordFilter(DAY, null, null, null), after, 10);
            seen.addAll(page.records());
            after = page.next();
            pages++;
        } while (after != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).extracting(RatedRecord::eventId).containsExactlyInAnyOrderElementsOf(rated)
                .isSortedAccordingTo(java.util.Comparator.comparing(UUID::toString)); // PostgreSQL's order: unsigned, byte by byte

        assertThat(bills.recordsOfDay(new RecordFilter(DAY, bob, null, null), null, 10).records())
                .hasSize(4).allSatisfy(r -> assertThat(r.msisdn()).isEqualTo(bob));
        RecordPage ann1 = bills.recordsOfDay(new RecordFilter(DAY, ann, " ", ChargingKind.DAILY_ACCESS), null, 10);
        assertThat(ann1.records()).singleElement().satisfies(r -> assertThat(r.kind()).isEqualTo(ChargingKind.DAILY_ACCESS));
        assertThat(ann1.next()).isNull();
        String messageId = events.getFirst().messageId();
        assertThat(bills.recordsOfDay(new RecordFilter(DAY, null, messageId, null), null, 10).records())
                .singleElement().satisfies(r -> assertThat(r.messageId()).isEqualTo(messageId));
        assertThat(bills.recordsOfDay(new RecordFilter(DAY.plusDays(1), ann, null, null), null, 10).records()).isEmpty();
        assertThatThrownBy(() -> bills.recordsOfDay(new RecordFilter(DAY, null, null, null), null, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
