package io.mobim.smpp.mt;

import io.mobim.events.sms.SmsDlr;
import io.mobim.events.sms.SmsMt;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@link MtLedger} in PostgreSQL, schema {@code smpp} ({@code db/migration/smpp/V1__mt_ledger.sql}, {@code V3}).
 * Every call is one statement or a short read, except {@link #write(Batch)}: one transaction of one multi-row
 * statement (arrays unnested) per kind of change. The guards are in the WHERE clauses ({@code on conflict do
 * nothing}, {@code where state = 'PENDING'}). No index covers an updated column, so updates are HOT.
 *
 * <p>Each part of the contract has its class: taking MTs in ({@link JdbcMtIntake}), reading back those that still
 * need work ({@link JdbcOpenMts}), recording what became of them ({@link JdbcMtOutcomes}), matching receipts
 * ({@link JdbcMtReceipts}) and forgetting those that are over ({@link JdbcMtRetention}).
 */
public final class JdbcMtLedger implements MtLedger {

    private final JdbcMtIntake intake;
    private final JdbcOpenMts openMts;
    private final JdbcMtOutcomes outcomes;
    private final JdbcMtReceipts receipts;
    private final JdbcMtRetention retention;

    public JdbcMtLedger(JdbcTemplate jdbc) {
        PlatformTransactionManager transactions = new DataSourceTransactionManager(jdbc.getDataSource());
        this.intake = new JdbcMtIntake(jdbc, transactions);
        this.openMts = new JdbcOpenMts(jdbc);
        this.outcomes = new JdbcMtOutcomes(jdbc, transactions);
        this.receipts = new JdbcMtReceipts(jdbc);
        this.retention = new JdbcMtRetention(jdbc);
    }

    @Override
    public boolean register(SmsMt mt, Instant now) {
        return intake.register(mt, now);
    }

    @Override
    public List<SmsMt> registerAll(List<SmsMt> mts, Instant now) {
        return take(Offer.unpartitioned(mts), now).stream().map(Taken::mt).toList();
    }

    @Override
    public List<Taken> take(List<Offer> offers, Instant now) {
        return intake.take(offers, now);
    }

    @Override
    public List<Pending> pendingAfter(long position, int limit) {
        return openMts.pendingAfter(position, limit);
    }

    @Override
    public List<Pending> pendingAfter(Map<Integer, Long> after, int limit) {
        return openMts.pendingAfter(after, limit);
    }

    @Override
    public List<OpenRequest> unpublishedAfter(long position, int limit) {
        return openMts.unpublishedAfter(position, limit);
    }

    @Override
    public List<OpenRequest> open() {
        return openMts.open();
    }

    @Override
    public List<AcceptedPart> acceptedParts(String requestId) {
        return openMts.acceptedParts(requestId);
    }

    @Override
    public Set<String> write(Batch batch) {
        return outcomes.write(batch);
    }

    @Override
    public void partAccepted(String requestId, int seq, int total, String linkId, String messageId, Instant at) {
        outcomes.partAccepted(requestId, seq, total, linkId, messageId, at);
    }

    @Override
    public boolean lastPartAccepted(String requestId, int seq, int total, String linkId, String messageId, Instant at) {
        return outcomes.lastPartAccepted(requestId, seq, total, linkId, messageId, at);
    }

    @Override
    public boolean finish(String requestId, State state, String errorCode, Instant at) {
        return outcomes.finish(requestId, state, errorCode, at);
    }

    @Override
    public void outcomePublished(String requestId) {
        outcomes.outcomePublished(requestId);
    }

    @Override
    public void outcomesPublished(Collection<String> requestIds) {
        outcomes.outcomesPublished(requestIds);
    }

    @Override
    public List<PartMatch> findParts(String linkId, Collection<String> messageIds) {
        return receipts.findParts(linkId, messageIds);
    }

    @Override
    public Optional<Aggregate> receipt(String requestId, int seq, SmsDlr.Status status, String errorCode, Instant at) {
        return receipts.receipt(requestId, seq, status, errorCode, at);
    }

    @Override
    public Optional<Aggregate> receipt(PartMatch part, SmsDlr.Status status, String errorCode, Instant at) {
        return receipts.receipt(part, status, errorCode, at);
    }

    @Override
    public void receiptPublished(PartMatch part, Aggregate aggregate, Instant at) {
        receipts.receiptPublished(part, aggregate, at);
    }

    @Override
    public void receiptPublished(String requestId, SmsDlr.Status status, Instant at) {
        receipts.receiptPublished(requestId, status, at);
    }

    @Override
    public int forget(Instant cutoff, int limit) {
        return retention.forget(cutoff, limit);
    }
}
