package io.mobim.platform.directory;

import io.mobim.events.Msisdn;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding subscribers, whatever the channel: by nickname among those who opted in to the directory, by number among
 * all active subscribers. Results come in pages of a stable order (nickname, then number), so a search can be
 * continued from any index by any instance without keeping state.
 */
public class Directory {

    /** The shortest nickname fragment searched for: a shorter one would list nearly everyone. */
    public static final int MIN_QUERY = 2;

    private final JdbcClient jdbc;
    private final Clock clock;

    Directory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Puts {@code msisdn} in the directory or takes them out of it. */
    @Transactional
    public void setListed(Msisdn msisdn, boolean listed) {
        if (listed) {
            jdbc.sql("insert into im.directory_listing (msisdn, listed_at) values (?, ?) on conflict do nothing")
                    .params(msisdn.value(), Timestamp.from(clock.instant())).update();
        } else {
            jdbc.sql("delete from im.directory_listing where msisdn = ?").param(msisdn.value()).update();
        }
    }

    @Transactional(readOnly = true)
    public boolean isListed(Msisdn msisdn) {
        return jdbc.sql("select exists (select 1 from im.directory_listing where msisdn = ?)").param(msisdn.value())
                .query(Boolean.class).single();
    }

    /**
     * The listed active subscribers whose nickname contains {@code fragment} (ignoring case), from index {@code from}.
     *
     * @throws IllegalArgumentException for a fragment shorter than {@link #MIN_QUERY}
     */
    @Transactional(readOnly = true)
    public Page byNickname(String fragment, int from, int max) {
        String f = fragment == null ? "" : fragment.strip();
        if (f.length() < MIN_QUERY) {
            throw new IllegalArgumentException("search for at least " + MIN_QUERY + " characters of a nickname");
        }
        String pattern = "%" + f.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<Found> rows = jdbc.sql("""
                select s.msisdn, s.nickname, count(*) over () as total
                from im.directory_listing l join im.subscriber s on s.msisdn = l.msisdn
                where s.status = 'ACTIVE' and lower(s.nickname) like ?
                order by lower(s.nickname), s.msisdn offset ? limit ?""")
                .params(pattern, from, max)
                .query((rs, i) -> new Found(Msisdn.of(rs.getString(1)), rs.getString(2), rs.getInt(3))).list();
        int total = rows.isEmpty() ? jdbc.sql("""
                select count(*) from im.directory_listing l join im.subscriber s on s.msisdn = l.msisdn
                where s.status = 'ACTIVE' and lower(s.nickname) like ?""").param(pattern).query(Integer.class).single()
                : rows.getFirst().total();
        return new Page(rows, total);
    }

    /** The active subscriber with number {@code msisdn}, as a page of one or none. */
    @Transactional(readOnly = true)
    public Page byNumber(Msisdn msisdn, int from) {
        List<Found> rows = jdbc.sql("select msisdn, nickname, 1 from im.subscriber where msisdn = ? and status = 'ACTIVE'")
                .param(msisdn.value()).query((rs, i) -> new Found(Msisdn.of(rs.getString(1)), rs.getString(2), 1)).list();
        return new Page(from == 0 ? rows : List.of(), rows.size());
    }

    /** A subscriber found. */
    public record Found(Msisdn msisdn, String nickname, int total) {
    }

    /** One page of a search: what it found from the index asked, and how many it finds in all. */
    public record Page(List<Found> found, int total) {
    }
}
