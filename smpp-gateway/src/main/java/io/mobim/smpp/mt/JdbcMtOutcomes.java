package io.mobim.smpp.mt;

import io.mobim.smpp.mt.MtLedger.Acceptance;
import io.mobim.smpp.mt.MtLedger.Batch;
import io.mobim.smpp.mt.MtLedger.Final;
import io.mobim.smpp.mt.MtLedger.ReceiptMark;
import io.mobim.smpp.mt.MtLedger.State;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records in the {@link JdbcMtLedger} what became of the MTs sent: parts accepted, final states, outcomes and
 * receipt outcomes published; one at a time, or a {@link Batch} in one transaction of one multi-row statement (arrays
 * unnested) per kind of change. The guards are in the WHERE clauses ({@code on conflict do nothing},
 * {@code where state = 'PENDING'}).
 */
final class JdbcMtOutcomes {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    JdbcMtOutcomes(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    Set<String> write(Batch batch) {
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
            at[i] = Timestamp.from(a.at());
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
            rAt[i] = Timestamp.from(a.at());
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
                returning r.request_id, x.last""", (RowCallbackHandler) rs -> {
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
            at[i] = Timestamp.from(f.at());
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
            at[i] = Timestamp.from(r.at());
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

    void partAccepted(String requestId, int seq, int total, String linkId, String messageId, Instant at) {
        // one statement, so one transaction: a receipt that finds the part also finds the MT's part count
        jdbc.update("""
                with part as (
                    insert into smpp.mt_part (request_id, seq, link_id, smsc_message_id, submitted_at) values (?, ?, ?, ?, ?)
                    on conflict (request_id, seq) do nothing)
                update smpp.mt_request set parts = ?, updated_at = ? where request_id = ?""",
                requestId, seq, linkId, messageId, Timestamp.from(at), total, Timestamp.from(at), requestId);
    }

    boolean lastPartAccepted(String requestId, int seq, int total, String linkId, String messageId, Instant at) {
        return jdbc.update("""
                with part as (
                    insert into smpp.mt_part (request_id, seq, link_id, smsc_message_id, submitted_at) values (?, ?, ?, ?, ?)
                    on conflict (request_id, seq) do nothing)
                update smpp.mt_request set parts = ?, state = 'ACCEPTED', error_code = null, body = null, updated_at = ?
                where request_id = ? and state = 'PENDING'""",
                requestId, seq, linkId, messageId, Timestamp.from(at), total, Timestamp.from(at), requestId) == 1;
    }

    boolean finish(String requestId, State state, String errorCode, Instant at) {
        return jdbc.update("""
                update smpp.mt_request set state = ?, error_code = ?, body = null, updated_at = ?
                where request_id = ? and state = 'PENDING'""", state.name(), errorCode, Timestamp.from(at), requestId) == 1;
    }

    void outcomePublished(String requestId) {
        jdbc.update("update smpp.mt_request set outcome_published = true where request_id = ?", requestId);
    }

    void outcomesPublished(Collection<String> requestIds) {
        if (!requestIds.isEmpty()) {
            jdbc.update("update smpp.mt_request set outcome_published = true where request_id = any(?)",
                    (Object) requestIds.toArray(String[]::new));
        }
    }
}
