package io.mobim.billing.reconciliation;

import io.mobim.billing.reconciliation.ThreeWayReconciliation.RatedEntry;
import io.mobim.events.charging.Channel;
import io.mobim.events.charging.Direction;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The current rated SMS legs of other days, only what matching by SMS-C reference needs: an SMS the gateway saw
 * just before midnight may be charged just after it.
 */
public class NearbyRatedSms {

    private final JdbcTemplate jdbc;

    public NearbyRatedSms(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<RatedEntry> ofDays(LocalDate... days) {
        Date[] dates = java.util.Arrays.stream(days).map(Date::valueOf).toArray(Date[]::new);
        return jdbc.query(con -> {
            var ps = con.prepareStatement("select event_id, message_id, direction, service, smsc_reference "
                    + "from billing.rated_record where business_day = any(?) and current and kind = 'MESSAGE' and channel = 'SMS'");
            ps.setArray(1, con.createArrayOf("date", dates));
            return ps;
        }, (rs, i) -> new RatedEntry(rs.getObject("event_id", UUID.class), rs.getString("message_id"),
                Direction.valueOf(rs.getString("direction")), Channel.SMS, rs.getBoolean("service"), rs.getString("smsc_reference")));
    }
}
