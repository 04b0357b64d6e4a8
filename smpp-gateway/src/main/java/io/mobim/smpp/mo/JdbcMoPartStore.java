package io.mobim.smpp.mo;

import io.mobim.smpp.codec.PartStore;
import io.mobim.smpp.codec.Reassembler;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link PartStore} in PostgreSQL ({@code smpp.mo_part}, {@code V2__mo_part.sql}): a part of a long MO is
 * durable before its deliver_sm is acknowledged. The part that completes a message takes all its rows
 * with one {@code delete ... returning}, so two copies of the last part cannot both complete it.
 */
public final class JdbcMoPartStore implements PartStore {

    private static final String KEY = "link_id = ? and sender = ? and recipient = ? and reference = ? and total = ?";

    private final JdbcTemplate jdbc;
    private final Duration timeout;

    public JdbcMoPartStore(JdbcTemplate jdbc, Duration timeout) {
        this.jdbc = jdbc;
        this.timeout = timeout;
    }

    @Override
    public Optional<Reassembler.Assembled> offer(Reassembler.Part part, Instant now) {
        if (part.total() < 1 || part.seq() < 1 || part.seq() > part.total()) {
            return Optional.empty();
        }
        if (part.total() == 1) {
            return Optional.of(Reassembler.join(new Reassembler.Part[] {part}));
        }
        insert(part, now);
        Integer have = jdbc.queryForObject("select count(*) from smpp.mo_part where " + KEY, Integer.class,
                part.link(), part.from(), part.to(), part.reference(), part.total());
        if (have == null || have < part.total()) {
            return Optional.empty();
        }
        List<Reassembler.Part> rows = jdbc.query("delete from smpp.mo_part where " + KEY
                        + " returning seq, data_coding, payload",
                (rs, i) -> new Reassembler.Part(part.link(), part.from(), part.to(), part.reference(), part.total(),
                        rs.getInt(1), (byte) rs.getShort(2), rs.getBytes(3), null),
                part.link(), part.from(), part.to(), part.reference(), part.total());
        if (rows.size() < part.total()) {
            return Optional.empty(); // another copy of the last part completed it
        }
        Reassembler.Part[] ordered = new Reassembler.Part[part.total()];
        for (Reassembler.Part p : rows) {
            ordered[p.seq() - 1] = p;
        }
        return Optional.of(Reassembler.join(ordered));
    }

    private void insert(Reassembler.Part part, Instant now) {
        jdbc.update("""
                insert into smpp.mo_part (link_id, sender, recipient, reference, total, seq, data_coding, payload, received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                part.link(), part.from(), part.to(), part.reference(), part.total(), part.seq(), (short) part.dataCoding(),
                part.payload(), Timestamp.from(now));
    }

    @Override
    public void restore(Reassembler.Assembled assembled, int exceptSeq, Instant now) {
        for (Reassembler.Part p : assembled.pieces()) {
            if (p.seq() != exceptSeq) {
                insert(p, now);
            }
        }
    }

    @Override
    public int expire(Instant now) {
        Timestamp cutoff = Timestamp.from(now.minus(timeout));
        String old = """
                select link_id, sender, recipient, reference, total from smpp.mo_part
                group by link_id, sender, recipient, reference, total having min(received_at) < ?""";
        Integer messages = jdbc.queryForObject("select count(*) from (" + old + ") o", Integer.class, cutoff);
        if (messages == null || messages == 0) {
            return 0;
        }
        jdbc.update("delete from smpp.mo_part m using (" + old + ") o "
                + "where m.link_id = o.link_id and m.sender = o.sender and m.recipient = o.recipient "
                + "and m.reference = o.reference and m.total = o.total", cutoff);
        return messages;
    }

    @Override
    public int pendingCount() {
        Integer n = jdbc.queryForObject("""
                select count(*) from (select distinct link_id, sender, recipient, reference, total from smpp.mo_part) k""",
                Integer.class);
        return n == null ? 0 : n;
    }
}
