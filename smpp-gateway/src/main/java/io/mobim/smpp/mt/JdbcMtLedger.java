package io.mobim.smpp.mt;

import io.mobim.events.EventJson;
import io.mobim.events.sms.SmsDlr;
import io.mobim.events.sms.SmsMt;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link MtLedger} in PostgreSQL, schema {@code smpp} ({@code db/migration/smpp/V1__mt_ledger.sql}, {@code V3}).
 * Every call is one statement or a short read, except {@link #write(Batch)}: one transaction of one multi-row
 * statement (arrays unnested) per kind of change. The guards are in the WHERE clauses ({@code on conflict do
 * nothing}, {@code where state = 'PENDING'}). No index covers an updated column, so updates are HOT.
 */
public final class JdbcMtLedger implements MtLedger {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate tx;
    /** A transaction of the ledger's own even inside a caller's: what is taken is committed when {@link #take} returns. */
    private final TransactionTemplate ownTx;

    public JdbcMtLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        this.ownTx = new TransactionTemplate(tx.getTransactionManager());
        ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    @Override
    public boolean register(SmsMt mt, Instant now) {
        return jdbc.update("""
                insert into smpp.mt_request (request_id, recipient, sender, body, expires_at, receipt_wanted, service, state,
                                             created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)
                on conflict (request_id) do nothing""",
                mt.requestId(), mt.to(), truncate(mt.from(), 16), EventJson.mapper().writeValueAsString(mt), ts(mt.expiresAt()),
                mt.receiptWanted(), mt.service(), ts(now), ts(now)) == 1;
    }

    /**
     * Reads the ledger in the order MTs were taken (its {@code taken_seq} index), a chunk at a time, and deletes the
     * chunk's MTs that are over (their parts go with them, {@code on delete cascade}), one statement a chunk; it stops
     * at the first MT taken at or after {@code cutoff}, so a run reads what it deletes plus the few old MTs not over
     * yet, never the rest.
     */
    @Override
    public int forget(Instant cutoff, int limit) {
        Timestamp before = ts(cutoff);
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
                                  returning 1)
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

    @Override
    public List<SmsMt> registerAll(List<SmsMt> mts, Instant now) {
        return take(Offer.unpartitioned(mts), now).stream().map(Taken::mt).toList();
    }

    /** One multi-row insert for a poll of MTs (arrays unnested), instead of one statement per MT. */
    @Override
    public List<Taken> take(List<Offer> offers, Instant now) {
        Map<String, Offer> first = new LinkedHashMap<>(); // a request id twice in one statement: the first is taken
        for (Offer o : offers) {
            first.putIfAbsent(o.mt().requestId(), o);
        }
        if (first.isEmpty()) {
            return List.of();
        }
        int n = first.size();
        String[] ids = new String[n];
        String[] recipients = new String[n];
        String[] senders = new String[n];
        String[] bodies = new String[n];
        String[] expires = new String[n];
        String[] receipts = new String[n];
        String[] services = new String[n];
        Integer[] partitions = new Integer[n];
        int i = 0;
        for (Offer o : first.values()) {
            SmsMt mt = o.mt();
            partitions[i] = o.partition() == NO_PARTITION ? null : o.partition();
            ids[i] = mt.requestId();
            recipients[i] = mt.to();
            senders[i] = truncate(mt.from(), 16);
            bodies[i] = EventJson.mapper().writeValueAsString(mt);
            expires[i] = mt.expiresAt().toString();
            receipts[i] = Boolean.toString(mt.receiptWanted());
            services[i] = mt.service();
            i++;
        }
        Map<String, Long> taken = new HashMap<>();
        // in the poll's order, so that the positions (the order PENDING MTs are read back in) follow it; committed
        // before the MTs go out, also where the caller has a transaction open (the outbox relay's, in the all-in-one):
        // a part the SMS-C accepts must find its row, and a caller rolling back hands the same MTs again (duplicates)
        ownTx.executeWithoutResult(status -> jdbc.query("""
                insert into smpp.mt_request (request_id, recipient, sender, body, expires_at, receipt_wanted, service, state,
                                             kafka_partition, created_at, updated_at)
                select x.request_id, x.recipient, x.sender, x.body, x.expires_at, x.receipt_wanted, x.service, 'PENDING',
                       x.kafka_partition, ?, ?
                from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::timestamptz[], ?::boolean[], ?::varchar[],
                            ?::integer[])
                     with ordinality as x(request_id, recipient, sender, body, expires_at, receipt_wanted, service,
                                          kafka_partition, n)
                order by x.n
                on conflict (request_id) do nothing
                returning request_id, taken_seq""",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> taken.put(rs.getString(1), rs.getLong(2)),
                ts(now), ts(now), ids, recipients, senders, bodies, expires, receipts, services, partitions));
        List<Taken> out = new ArrayList<>(taken.size());
        for (Offer o : first.values()) {
            Long position = taken.get(o.mt().requestId());
            if (position != null) {
                out.add(new Taken(o.mt(), position, o.partition()));
            }
        }
        return out;
    }

    @Override
    public List<Pending> pendingAfter(long position, int limit) {
        return pending("""
                select r.taken_seq, r.body, p.seq, p.link_id, p.smsc_message_id, r.kafka_partition
                from (select taken_seq, request_id, body, kafka_partition from smpp.mt_request
                      where taken_seq > ? and state = 'PENDING' order by taken_seq limit ?) r
                left join smpp.mt_part p on p.request_id = r.request_id
                order by r.taken_seq, p.seq""", position, limit);
    }

    @Override
    public List<Pending> pendingAfter(Map<Integer, Long> after, int limit) {
        if (after.isEmpty()) {
            return List.of();
        }
        Integer[] partitions = after.keySet().toArray(Integer[]::new);
        Long[] positions = after.values().toArray(Long[]::new);
        long from = after.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        // the range on taken_seq from the earliest position lets the scan start there (its index)
        return pending("""
                select r.taken_seq, r.body, p.seq, p.link_id, p.smsc_message_id, r.kafka_partition
                from (select m.taken_seq, m.request_id, m.body, m.kafka_partition
                      from smpp.mt_request m
                      join unnest(?::integer[], ?::bigint[]) as c(part, after)
                        on coalesce(m.kafka_partition, -1) = c.part and m.taken_seq > c.after
                      where m.taken_seq > ? and m.state = 'PENDING' order by m.taken_seq limit ?) r
                left join smpp.mt_part p on p.request_id = r.request_id
                order by r.taken_seq, p.seq""", partitions, positions, from, limit);
    }

    private List<Pending> pending(String sql, Object... args) {
        List<Pending> out = new ArrayList<>();
        jdbc.query(sql, (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
            long at = rs.getLong(1);
            if (out.isEmpty() || out.get(out.size() - 1).position() != at) {
                int partition = rs.getInt(6);
                out.add(new Pending(EventJson.mapper().readValue(rs.getString(2), SmsMt.class), at, new ArrayList<>(),
                        rs.wasNull() ? NO_PARTITION : partition));
            }
            if (rs.getString(4) != null) {
                out.get(out.size() - 1).accepted().add(new AcceptedPart(rs.getInt(3), rs.getString(4), rs.getString(5)));
            }
        }, args);
        return out;
    }

    @Override
    public List<OpenRequest> unpublishedAfter(long position, int limit) {
        List<OpenRequest> out = new ArrayList<>();
        jdbc.query("""
                select request_id, recipient, sender, expires_at, receipt_wanted, service, state, error_code, taken_seq
                from smpp.mt_request where taken_seq > ? and state <> 'PENDING' and not outcome_published
                order by taken_seq limit ?""", (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
            SmsMt mt = SmsMt.of(rs.getString("request_id"), rs.getString("sender"), rs.getString("recipient"), "-",
                    rs.getTimestamp("expires_at").toInstant(), rs.getBoolean("receipt_wanted"), rs.getString("service"));
            out.add(new OpenRequest(mt, State.valueOf(rs.getString("state")), rs.getString("error_code"),
                    messageIds(mt.requestId()), rs.getLong("taken_seq")));
        }, position, limit);
        return out;
    }

    @Override
    public Set<String> write(Batch batch) {
        return tx.execute(status -> {
            Set<String> moved = new HashSet<>();
            writeAcceptances(batch.acceptances(), moved);
            writeFinals(batch.finals(), moved);
            outcomesPublished(batch.outcomesPublished());
            writeReceipts(batch.receipts());
            return moved;
        });
    }

    private void writeAcceptances(List<Acceptance> list, Set<String> moved) {
        if (list.isEmpty()) {
            return;
        }
        int n = list.size();
        String[] ids = new String[n];
        Integer[] seqs = new Integer[n];
        String[] links = new String[n];
        String[] messageIds = new String[n];
        Timestamp[] at = new Timestamp[n];
        Map<String, Acceptance> latest = new LinkedHashMap<>(); // one update per MT: its latest part decides
        for (int i = 0; i < n; i++) {
            Acceptance a = list.get(i);
            ids[i] = a.requestId();
            seqs[i] = a.seq();
            links[i] = a.linkId();
            messageIds[i] = a.messageId();
            at[i] = ts(a.at());
            latest.merge(a.requestId(), a, (x, y) -> y.last() || y.seq() > x.seq() ? y : x);
        }
        jdbc.update("""
                insert into smpp.mt_part (request_id, seq, link_id, smsc_message_id, submitted_at)
                select * from unnest(?::varchar[], ?::integer[], ?::varchar[], ?::varchar[], ?::timestamptz[])
                on conflict (request_id, seq) do nothing""", ids, seqs, links, messageIds, at);
        int m = latest.size();
        String[] rIds = new String[m];
        Integer[] totals = new Integer[m];
        Boolean[] last = new Boolean[m];
        Timestamp[] rAt = new Timestamp[m];
        int i = 0;
        for (Acceptance a : latest.values()) {
            rIds[i] = a.requestId();
            totals[i] = a.total();
            last[i] = a.last();
            rAt[i] = ts(a.at());
            i++;
        }
        jdbc.query("""
                update smpp.mt_request r
                set parts = x.total, updated_at = x.at,
                    state = case when x.last then 'ACCEPTED' else r.state end,
                    error_code = case when x.last then null else r.error_code end,
                    body = case when x.last then null else r.body end
                from unnest(?::varchar[], ?::integer[], ?::boolean[], ?::timestamptz[]) as x(request_id, total, last, at)
                where r.request_id = x.request_id and r.state = 'PENDING'
                returning r.request_id, x.last""", (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
            if (rs.getBoolean(2)) {
                moved.add(rs.getString(1));
            }
        }, rIds, totals, last, rAt);
    }

    private void writeFinals(List<Final> list, Set<String> moved) {
        if (list.isEmpty()) {
            return;
        }
        Map<String, Final> once = new LinkedHashMap<>();
        list.forEach(f -> once.putIfAbsent(f.requestId(), f));
        int n = once.size();
        String[] ids = new String[n];
        String[] states = new String[n];
        String[] codes = new String[n];
        Timestamp[] at = new Timestamp[n];
        int i = 0;
        for (Final f : once.values()) {
            ids[i] = f.requestId();
            states[i] = f.state().name();
            codes[i] = f.errorCode();
            at[i] = ts(f.at());
            i++;
        }
        moved.addAll(jdbc.queryForList("""
                update smpp.mt_request r set state = x.state, error_code = x.code, body = null, updated_at = x.at
                from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::timestamptz[]) as x(request_id, state, code, at)
                where r.request_id = x.request_id and r.state = 'PENDING'
                returning r.request_id""", String.class, ids, states, codes, at));
    }

    private void writeReceipts(List<ReceiptMark> list) {
        if (list.isEmpty()) {
            return;
        }
        int n = list.size();
        String[] ids = new String[n];
        Integer[] seqs = new Integer[n];
        String[] statuses = new String[n];
        String[] errors = new String[n];
        Timestamp[] at = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            ReceiptMark r = list.get(i);
            ids[i] = r.part().requestId();
            seqs[i] = r.part().seq();
            statuses[i] = r.aggregate().status().name();
            errors[i] = r.aggregate().errorCode();
            at[i] = ts(r.at());
        }
        // the part's own receipt (an MT of one part is answered from the part alone; see receipt(PartMatch, ...))
        jdbc.update("""
                update smpp.mt_part p set receipt_status = x.status, receipt_error = x.error, receipt_at = x.at
                from unnest(?::varchar[], ?::integer[], ?::varchar[], ?::varchar[], ?::timestamptz[])
                     as x(request_id, seq, status, error, at)
                where p.request_id = x.request_id and p.seq = x.seq and p.receipt_status is null""",
                ids, seqs, statuses, errors, at);
        jdbc.update("""
                update smpp.mt_request r set receipt_state = x.state, updated_at = x.at
                from (select distinct on (request_id) * from unnest(?::varchar[], ?::varchar[], ?::timestamptz[])
                      as y(request_id, state, at)) as x
                where r.request_id = x.request_id and r.receipt_state is null""", ids, statuses, at);
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    @Override
    public List<OpenRequest> open() {
        List<OpenRequest> out = new ArrayList<>();
        jdbc.query("""
                select request_id, recipient, sender, body, expires_at, receipt_wanted, service, state, error_code
                from smpp.mt_request where state = 'PENDING' or not outcome_published order by created_at""", rs -> {
            String body = rs.getString("body");
            SmsMt mt = body != null
                    ? EventJson.mapper().readValue(body, SmsMt.class)
                    // final and cleared: only the outcome is left to publish; the text is not needed for that
                    : SmsMt.of(rs.getString("request_id"), rs.getString("sender"), rs.getString("recipient"), "-",
                            rs.getTimestamp("expires_at").toInstant(), rs.getBoolean("receipt_wanted"), rs.getString("service"));
            State state = State.valueOf(rs.getString("state"));
            List<String> ids = state == State.PENDING ? List.of() : messageIds(mt.requestId());
            out.add(new OpenRequest(mt, state, rs.getString("error_code"), ids));
        });
        return out;
    }

    private List<String> messageIds(String requestId) {
        return jdbc.queryForList("select smsc_message_id from smpp.mt_part where request_id = ? order by seq", String.class,
                requestId);
    }

    @Override
    public List<AcceptedPart> acceptedParts(String requestId) {
        return jdbc.query("select seq, link_id, smsc_message_id from smpp.mt_part where request_id = ? order by seq",
                (rs, i) -> new AcceptedPart(rs.getInt(1), rs.getString(2), rs.getString(3)), requestId);
    }

    @Override
    public void partAccepted(String requestId, int seq, int total, String linkId, String messageId, Instant at) {
        // one statement, so one transaction: a receipt that finds the part also finds the MT's part count
        jdbc.update("""
                with part as (
                    insert into smpp.mt_part (request_id, seq, link_id, smsc_message_id, submitted_at) values (?, ?, ?, ?, ?)
                    on conflict (request_id, seq) do nothing)
                update smpp.mt_request set parts = ?, updated_at = ? where request_id = ?""",
                requestId, seq, linkId, messageId, ts(at), total, ts(at), requestId);
    }

    @Override
    public boolean lastPartAccepted(String requestId, int seq, int total, String linkId, String messageId, Instant at) {
        return jdbc.update("""
                with part as (
                    insert into smpp.mt_part (request_id, seq, link_id, smsc_message_id, submitted_at) values (?, ?, ?, ?, ?)
                    on conflict (request_id, seq) do nothing)
                update smpp.mt_request set parts = ?, state = 'ACCEPTED', error_code = null, body = null, updated_at = ?
                where request_id = ? and state = 'PENDING'""",
                requestId, seq, linkId, messageId, ts(at), total, ts(at), requestId) == 1;
    }

    @Override
    public boolean finish(String requestId, State state, String errorCode, Instant at) {
        return jdbc.update("""
                update smpp.mt_request set state = ?, error_code = ?, body = null, updated_at = ?
                where request_id = ? and state = 'PENDING'""", state.name(), errorCode, ts(at), requestId) == 1;
    }

    @Override
    public void outcomePublished(String requestId) {
        jdbc.update("update smpp.mt_request set outcome_published = true where request_id = ?", requestId);
    }

    @Override
    public void outcomesPublished(Collection<String> requestIds) {
        if (!requestIds.isEmpty()) {
            jdbc.update("update smpp.mt_request set outcome_published = true where request_id = any(?)",
                    (Object) requestIds.toArray(String[]::new));
        }
    }

    @Override
    public List<PartMatch> findParts(String linkId, Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        List<PartMatch> found = named.query("""
                select r.request_id, r.recipient, r.service, r.receipt_wanted, r.state, p.seq, r.parts, r.outcome_published,
                       p.smsc_message_id, r.receipt_state is not null
                from smpp.mt_part p join smpp.mt_request r on r.request_id = p.request_id
                where p.link_id = :link and p.smsc_message_id in (:ids)
                order by p.submitted_at desc limit 20""",
                new MapSqlParameterSource("link", linkId).addValue("ids", List.copyOf(messageIds)),
                (rs, i) -> new PartMatch(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        State.valueOf(rs.getString(5)), rs.getInt(6), rs.getInt(7), rs.getBoolean(8), rs.getString(9),
                        rs.getBoolean(10)));
        return found;
    }

    @Override
    public Optional<Aggregate> receipt(String requestId, int seq, SmsDlr.Status status, String errorCode, Instant at) {
        jdbc.update("""
                update smpp.mt_part set receipt_status = ?, receipt_error = ?, receipt_at = ?
                where request_id = ? and seq = ? and receipt_status is null""",
                status.name(), errorCode, ts(at), requestId, seq);
        // a separate statement after the update, so that of two parts' receipts arriving together the later sees both
        List<String[]> rows = jdbc.query("""
                select p.smsc_message_id, p.receipt_status, p.receipt_error, r.parts
                from smpp.mt_request r join smpp.mt_part p on p.request_id = r.request_id
                where r.request_id = ? and r.receipt_state is null order by p.seq""",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}, requestId);
        if (rows.isEmpty() || rows.get(0)[3] == null || rows.size() < Integer.parseInt(rows.get(0)[3])
                || rows.stream().anyMatch(r -> r[1] == null)) {
            return Optional.empty();
        }
        SmsDlr.Status aggregate = SmsDlr.Status.DELIVERED;
        String error = null;
        for (String[] r : rows) {
            if (!SmsDlr.Status.DELIVERED.name().equals(r[1])) {
                aggregate = SmsDlr.Status.valueOf(r[1]);
                error = r[2];
                break;
            }
        }
        return Optional.of(new Aggregate(aggregate, error, rows.stream().map(r -> r[0]).toList()));
    }

    /** An MT of one part: its receipt is the aggregate, nothing to read; the part's receipt is written with the mark. */
    @Override
    public Optional<Aggregate> receipt(PartMatch part, SmsDlr.Status status, String errorCode, Instant at) {
        if (part.total() != 1) {
            return receipt(part.requestId(), part.seq(), status, errorCode, at);
        }
        if (part.receiptPublished()) {
            return Optional.empty();
        }
        return Optional.of(new Aggregate(status, status == SmsDlr.Status.DELIVERED ? null : errorCode, List.of(part.messageId())));
    }

    @Override
    public void receiptPublished(PartMatch part, Aggregate aggregate, Instant at) {
        jdbc.update("""
                with part as (
                    update smpp.mt_part set receipt_status = ?, receipt_error = ?, receipt_at = ?
                    where request_id = ? and seq = ? and receipt_status is null)
                update smpp.mt_request set receipt_state = ?, updated_at = ? where request_id = ? and receipt_state is null""",
                aggregate.status().name(), aggregate.errorCode(), ts(at), part.requestId(), part.seq(),
                aggregate.status().name(), ts(at), part.requestId());
    }

    @Override
    public void receiptPublished(String requestId, SmsDlr.Status status, Instant at) {
        jdbc.update("update smpp.mt_request set receipt_state = ?, updated_at = ? where request_id = ? and receipt_state is null",
                status.name(), ts(at), requestId);
    }
}
