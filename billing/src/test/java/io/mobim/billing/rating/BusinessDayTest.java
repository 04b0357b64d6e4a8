package io.mobim.billing.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Records are filed under the business day and period of the event in the business zone, also around midnight and
 * the zone's clock changes, whatever order the events come in (the engine remembers the day it computed last).
 */
class BusinessDayTest {

    @Test
    void dayAndPeriodAreTheZonesCalendarAroundMidnightAndClockChanges() {
        // London: clocks go back at 02:00 BST on 25 Oct 2026; Sao Paulo went back from 00:00 to 23:00 of the day
        // before on 17 Feb 2019 (a local day that comes twice); Kiritimati skipped 31 Dec 1994 whole; UTC has none
        check("Europe/London", "2026-10-24T20:00:00Z");
        check("Europe/London", "2026-03-28T20:00:00Z");
        check("America/Sao_Paulo", "2019-02-16T00:00:00Z");
        check("America/Sao_Paulo", "2018-11-03T00:00:00Z");
        check("Pacific/Kiritimati", "1994-12-30T00:00:00Z");
        check("UTC", "2026-11-30T20:00:00Z");
    }

    private static void check(String zoneId, String start) {
        ZoneId zone = ZoneId.of(zoneId);
        RatingEngine engine = new RatingEngine(zone);
        Instant from = Instant.parse(start);
        // in time order, minute by minute (and on odd seconds) for two days
        for (long s = 0; s < 2 * 86_400; s += 60) {
            for (Instant at : new Instant[] {from.plusSeconds(s), from.plusSeconds(s + 59).plusNanos(999_999_999)}) {
                assertDay(engine, zone, at);
            }
        }
        // out of order, as two partitions' events interleave
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            assertDay(engine, zone, from.plusSeconds(random.nextInt(2 * 86_400)).plusNanos(random.nextInt(1_000_000_000)));
        }
    }

    private static void assertDay(RatingEngine engine, ZoneId zone, Instant at) {
        LocalDate expected = at.atZone(zone).toLocalDate();
        assertThat(engine.businessDay(at)).as("%s in %s", at, zone).isEqualTo(expected);
        assertThat(RatingEngine.period(engine.businessDay(at))).isEqualTo(expected.toString().substring(0, 7));
    }

    @Test
    void periodOfYearsOutsideFourDigits() {
        assertThat(RatingEngine.period(LocalDate.of(999, 1, 5))).isEqualTo("0999-01");
        assertThat(RatingEngine.period(LocalDate.of(2026, 12, 31))).isEqualTo("2026-12");
        assertThat(RatingEngine.period(LocalDate.of(10_000, 3, 1))).isEqualTo("+10000-03");
    }
}
