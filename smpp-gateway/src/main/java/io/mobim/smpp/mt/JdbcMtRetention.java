package io.mobim.smpp.mt;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/** Deletes the MTs of the {@link JdbcMtLedger} that are over, for {@link MtLedgerRetention}. */
final class JdbcMtRetention {

    private final JdbcTemplate jdbc;

    JdbcMtRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Reads the ledger in the order MTs were taken (its {@code taken_seq} index), a chunk at a time, and deletes the
     * chunk's MTs that are over and their parts, one statement a chunk; it stops
     * at the first MT taken at or after {@code cutoff}, so a run reads what it deletes plus the few old MTs not over
     * yet, never the rest.
     */
    int forget(Instant cutoff, int limit) {
        Timestamp before = Timestamp.from(cutoff);
        int forgotten = 0;
        long after = 0;
        while (forgotten < limit) {
            record Chunk(int forgotten, long last, boolean allOld) {
            }
            Chunk chunk = jdbc.queryForObject("""
                    with chunk as (select taken_seq, request_id, created_at < ? as old from smpp.mt_request
                                   where taken_seq > ? order by taken_seq limit ?),
                         gone as (delete from smpp.mt_request r using chunk c
                                  where r.request_id = c.request_id and c.old and r.state <> 'PENDING'
                                    and r.outcome_published and r.expires_at < ?
                                  returning r.request_id),
                         parts as (delete from smpp.mt_part p using gone g where p.request_id = g.request_id)
                    select (select count(*) from gone), (select max(taken_seq) from chunk),
                           (select coalesce(bool_and(old), false) from chunk)""",
                    (rs, i) -> new Chunk(rs.getInt(1), rs.getLong(2), rs.getBoolean(3)),
                    before, after, limit - forgotten, before);
            forgotten += chunk.forgotten();
            if (!chunk.allOld()) {
                break; // the end of the ledger, or MTs taken after the cutoff
            }
            after = chunk.last();
        }
        return forgotten;
    }
}
