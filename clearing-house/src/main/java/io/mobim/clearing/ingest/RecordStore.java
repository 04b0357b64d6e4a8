package io.mobim.clearing.ingest;

import io.mobim.clearing.ClearingLock;
import io.mobim.events.interop.InteropRecord;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Iterator;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes inter-operator records to {@code clearing.interop_record}, a set at a time: {@code COPY} into a session
 * staging table, then one {@code INSERT .. SELECT .. ON CONFLICT (record_id) DO NOTHING}, so a redelivered or
 * re-uploaded record is skipped and the rest is stored. Must run inside the caller's transaction (the staging table
 * empties at commit): all of a set is stored, or none.
 */
public class RecordStore {

    private static final String STAGE = """
            create temp table if not exists interop_stage (
                record_id uuid, side varchar(12), originating_operator varchar(16), terminating_operator varchar(16),
                message_id varchar(128), sender varchar(16), recipient varchar(16), event_time timestamptz,
                channel varchar(8), units smallint) on commit delete rows""";
    private static final String MOVE = """
            insert into clearing.interop_record (record_id, side, originating_operator, terminating_operator, message_id,
                sender, recipient, event_time, channel, units, source, upload_id, received_at)
            select record_id, side, originating_operator, terminating_operator, message_id, sender, recipient, event_time,
                channel, units, ?, ?, ? from interop_stage
            on conflict (record_id) do nothing""";
    private static final int CHUNK = 1 << 16;

    private final JdbcTemplate jdbc;

    public RecordStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the records not stored yet; returns how many were new. */
    public long insert(Iterator<InteropRecord> records, RecordSource source, UUID uploadId, Instant receivedAt) {
        ClearingLock.acquireShared(jdbc);
        Long inserted = jdbc.execute((ConnectionCallback<Long>) con -> {
            try (Statement st = con.createStatement()) {
                st.execute(STAGE);
            }
            copy(con.unwrap(PGConnection.class), records);
            try (var move = con.prepareStatement(MOVE)) {
                move.setString(1, source.name());
                move.setObject(2, uploadId);
                move.setObject(3, java.sql.Timestamp.from(receivedAt));
                long n = move.executeLargeUpdate();
                try (Statement st = con.createStatement()) {
                    st.execute("truncate interop_stage");   // a large set: do not keep its rows until commit
                }
                return n;
            }
        });
        return inserted == null ? 0 : inserted;
    }

    private static void copy(PGConnection con, Iterator<InteropRecord> records) throws SQLException {
        CopyIn in = con.getCopyAPI().copyIn("copy interop_stage from stdin");
        try {
            StringBuilder text = new StringBuilder(CHUNK + 512);
            while (records.hasNext()) {
                row(text, records.next());
                if (text.length() >= CHUNK) {
                    write(in, text);
                }
            }
            write(in, text);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void write(CopyIn in, StringBuilder text) throws SQLException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
    }

    /** One row in COPY's text format: tab-separated; the message id (free text without control characters) escapes its backslashes. */
    private static void row(StringBuilder out, InteropRecord r) {
        out.append(r.recordId()).append('\t').append(r.side().name()).append('\t').append(r.originatingOperator()).append('\t')
                .append(r.terminatingOperator()).append('\t');
        String id = r.messageId();
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('\t').append(r.sender()).append('\t').append(r.recipient()).append('\t').append(r.eventTime()).append('\t')
                .append(r.channel().name()).append('\t').append(r.units()).append('\n');
    }
}
