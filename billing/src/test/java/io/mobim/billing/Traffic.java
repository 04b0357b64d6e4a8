package io.mobim.billing;

import io.mobim.events.charging.Channel;
import io.mobim.events.charging.ChargedRole;
import io.mobim.events.charging.ChargingEvent;
import io.mobim.events.charging.ChargingKind;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Builds the charging events an IM node would emit for one subscriber: a test fixture, one node, gap-free. */
public final class Traffic {

    private final String node;
    private final AtomicLong sequence;
    private final String msisdn;
    private final String plan;

    public Traffic(String node, long firstSequence, String msisdn, String plan) {
        this.node = node;
        this.sequence = new AtomicLong(firstSequence);
        this.msisdn = msisdn;
        this.plan = plan;
    }

    public static Traffic of(String msisdn, String plan) {
        return new Traffic("im-1", 1, msisdn, plan);
    }

    public Traffic withPlan(String otherPlan) {
        return new Traffic(node, sequence.get(), msisdn, otherPlan);
    }

    public long nextSequence() {
        return sequence.get();
    }

    public ChargingEvent sentSms(Instant at, int segments) {
        return message(at, ChargedRole.ORIGINATOR, Channel.SMS, false).sms("SMSC-" + UUID.randomUUID(), segments).build();
    }

    public ChargingEvent receivedSms(Instant at) {
        return message(at, ChargedRole.RECIPIENT, Channel.SMS, false).sms("SMSC-" + UUID.randomUUID(), 1).build();
    }

    /** An SMS the SMS-C never gave a reference for. */
    public ChargingEvent receivedSmsUnconfirmed(Instant at) {
        return message(at, ChargedRole.RECIPIENT, Channel.SMS, false).sms(null, 1).build();
    }

    public ChargingEvent serviceSms(Instant at) {
        return message(at, ChargedRole.RECIPIENT, Channel.SMS, true).sms("SMSC-" + UUID.randomUUID(), 1).build();
    }

    public ChargingEvent sentClient(Instant at) {
        return message(at, ChargedRole.ORIGINATOR, Channel.CLIENT, false).build();
    }

    public ChargingEvent receivedClient(Instant at) {
        return message(at, ChargedRole.RECIPIENT, Channel.CLIENT, false).build();
    }

    public ChargingEvent session(Instant at, long bytes) {
        return base(at).kind(ChargingKind.SESSION_DATA).channel(Channel.CLIENT).charged(msisdn, ChargedRole.SUBSCRIBER)
                .bytes(bytes).build();
    }

    public ChargingEvent dailyAccess(Instant at) {
        return base(at).kind(ChargingKind.DAILY_ACCESS).channel(Channel.CLIENT).charged(msisdn, ChargedRole.SUBSCRIBER).build();
    }

    private ChargingEvent.Builder message(Instant at, ChargedRole role, Channel channel, boolean service) {
        return base(at).kind(ChargingKind.MESSAGE).channel(channel).service(service).charged(msisdn, role)
                .messageId("msg-" + UUID.randomUUID()).other("+447700900999", null);
    }

    private ChargingEvent.Builder base(Instant at) {
        return ChargingEvent.builder().eventId(UUID.randomUUID()).eventTime(at).origin(node, sequence.getAndIncrement())
                .tariffPlan(plan);
    }
}
