package io.mobim.platform.messaging.log;

import io.mobim.events.charging.Direction;
import io.mobim.events.csv.CsvRow;
import io.mobim.events.messagelog.MessageLogExtract;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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
    public ResponseEntity<String> csv(@PathVariable LocalDate day, @RequestParam(required = false) ZoneId zone) {
        MessageLogExtract extract = json(day, zone);
        StringBuilder out = new StringBuilder("message_id,direction,channel,msisdn,at,gateway_id\r\n");
        long sent = 0;
        for (MessageLogExtract.Leg l : extract.legs()) {
            CsvRow.append(out, l.messageId(), l.direction(), l.channel(), l.msisdn(), l.at(), l.gatewayId());
            sent += l.direction() == Direction.SENT ? 1 : 0;
        }
        CsvRow.append(out, "TRAILER", extract.day(), extract.zone(), extract.legs().size(), sent, extract.legs().size() - sent);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"message-log-" + day + ".csv\"")
                .body(out.toString());
    }
}
