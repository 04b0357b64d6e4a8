package io.mobim.platform.wv.messaging;

import io.mobim.platform.messaging.ClientReports;
import io.mobim.platform.wv.ServerTransactions;
import io.mobim.platform.wv.UserIds;
import io.mobim.platform.wv.session.WvSession;
import io.mobim.wv.StatusCode;
import io.mobim.wv.model.DeliveryReportRequest;
import io.mobim.wv.model.MessageInfo;
import io.mobim.wv.model.Recipient;
import io.mobim.wv.model.Result;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.User;
import java.util.List;
import java.util.Optional;

/**
 * DeliveryReport-Request to a client whose user sent a message with {@code DeliveryReport=T}: one per recipient whose
 * delivery ended (200 delivered, 410 failed or rejected, 542 expired), handed out on a poll from the core's
 * {@link ClientReports}.
 */
public class WvDeliveryReports {

    private final ClientReports reports;
    private final UserIds userIds;

    public WvDeliveryReports(ClientReports reports, UserIds userIds) {
        this.reports = reports;
        this.userIds = userIds;
    }

    /** The next report for the session's user, or empty; {@code Poll} is set while more wait. */
    public Optional<Transaction> poll(WvSession session) {
        return reports.next(session.msisdn()).map(r -> {
            Result result = switch (r.status()) {
                case DELIVERED -> Result.of(StatusCode.SUCCESSFUL);
                case FAILED -> Result.of(StatusCode.UNABLE_TO_DELIVER);
                case EXPIRED -> Result.of(StatusCode.MESSAGE_EXPIRED);
                case ACCEPTED -> throw new IllegalStateException("a report is of an ended delivery");
            };
            MessageInfo info = new MessageInfo(r.messageId().toString(), null, null, null, null,
                    new Recipient(List.of(new User(userIds.of(r.recipient()))), List.of(), List.of()), null, null, null, null);
            return ServerTransactions.request(new DeliveryReportRequest(result, MessageContent.dateTime(r.at()), info),
                    reports.waiting(session.msisdn()));
        });
    }
}
