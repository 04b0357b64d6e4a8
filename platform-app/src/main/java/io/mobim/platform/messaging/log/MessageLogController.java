package io.mobim.platform.messaging.log;

import io.mobim.events.charging.Direction;
import io.mobim.events.csv.CsvRow;
import io.mobim.events.messagelog.MessageLogExtract;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/v1/messages/log/{day}[?zone=Europe/London]}: the chargeable message legs of a business day, as JSON
 * ({@link MessageLogExtract}) or as CSV ({@link CsvRow}: SMS-C ids neutralised against formula injection) with a
 * trailer of counts. For the operator admin and the billing team.
 * The zone defaults to {@code mobim.billing.business-zone}; billing sends its own.
 */
@RestController
@ConditionalOnBooleanProperty("mobim.role.im.enabled")
@RequestMapping(MessageLogController.PATH)
public class MessageLogController {

    public static final String PATH = "/api/v1/messages/log";

    private final MessageLog log;

    MessageLogController(MessageLog log) {
        this.log = log;
    }

    /** 410 Gone: the day's messages are past their retention, so no whole log of it can be made any more. */
    @ExceptionHandler(MessageLog.DayNotKept.class)
    ProblemDetail notKept(MessageLog.DayNotKept e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, e.getMessage());
        p.setTitle("Day past the message retention");
        return p;
    }

    @GetMapping(path = "/{day}", produces = MediaType.APPLICATION_JSON_VALUE)
    public MessageLogExtract json(@PathVariable LocalDate day, @RequestParam(required = false) ZoneId zone) {
        return log.extract(day, zone == null ? log.defaultZone() : zone);
    }

    /**
     * <pre>
     * message_id,direction,channel,msisdn,at,gateway_id
     * ...
     * TRAILER,day,zone,legs,sent,received
     * </pre>
     */
    @GetMapping(path = "/{day}", produces = "text/csv")
    public ResponseEntity<StreamingResponseBody> csv(@PathVariable LocalDate day, @RequestParam(required = false) ZoneId zone) {
        ZoneId in = zone == null ? log.defaultZone() : zone;
        log.requireKept(day, in);   // before the body: once it streams, the status is sent
        StreamingResponseBody body = stream -> {
            // written as read: the day's legs are never held in memory together
            Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            StringBuilder row = new StringBuilder(128).append("message_id,direction,channel,msisdn,at,gateway_id\r\n");
            long[] sentAndReceived = new long[2];
            try {
                log.forEachLeg(day, in, l -> {
                    CsvRow.append(row, l.messageId(), l.direction(), l.channel(), l.msisdn(), l.at(), l.gatewayId());
                    sentAndReceived[l.direction() == Direction.SENT ? 0 : 1]++;
                    if (row.length() >= FLUSH_AT) {
                        write(out, row);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            CsvRow.append(row, "TRAILER", day, in.getId(), sentAndReceived[0] + sentAndReceived[1], sentAndReceived[0],
                    sentAndReceived[1]);
            write(out, row);
            out.flush();
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"message-log-" + day + ".csv\"")
                .body(body);
    }

    /** Rows are written out once this many characters are gathered. */
    private static final int FLUSH_AT = 64 * 1024;

    private static void write(Writer out, StringBuilder rows) {
        try {
            out.append(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows.setLength(0);
    }
}
