package io.mobim.platform.wv.cir;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import io.mobim.platform.wv.session.WakeSignals.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Waking idle CSP clients (CIR), {@code mobim.wv.cir.*}.
 *
 * @param methods the CIR methods agreed with a client that supports them, in order of preference: the first the client
 *                supports is agreed; a method left out is never agreed (an SMS wake costs an SMS)
 * @param tcpPort the port of the standing TCP connections (STCP) clients keep open to be woken; 0 for any free port
 * @param tcpBindAddress the address it listens on; unset, {@code server.address} (the all-in-one's loopback), or
 *                       every interface when that is unset too
 * @param tcpAddress the address clients are told to connect to ({@code TCPAddress}): the public name of the
 *                   instances' TCP load balancer; unset, the listening address (or this host's when it listens on
 *                   every interface)
 * @param tcpIdleTimeout a TCP connection on which the client sent nothing (not even PING) for this long is closed
 * @param tcpMaxConnections the most TCP connections one instance holds; beyond it new ones are refused
 * @param smsWakes what wakes a client agreed an SMS wake (WAPSMS, SSMS) when it starts waiting for it: any of
 *                 MESSAGE, REPORT (a delivery report), INVITATION (offered, cancelled or answered), GROUP_NOTICE,
 *                 AUTHORIZATION_REQUEST, PRESENCE (a contact's presence changed); what is left out waits for the
 *                 client's next poll, since each wake costs an SMS. A client on standing TCP is woken by every kind
 * @param answerTimeout a client that sends nothing within this long of being woken is taken as gone: its session ends,
 *                      the messages waiting for it go by SMS and the rest waits for its next login
 * @param sweepInterval how often each instance wakes the sessions something waits for and settles the wakes
 */
@Validated
@ConfigurationProperties("mobim.wv.cir")
public record CirSettings(
        @DefaultValue({"STCP", "WAPSMS", "SSMS"}) @NotNull List<CirMethod> methods,
        @DefaultValue("3717") @Min(0) @Max(65535) int tcpPort,
        String tcpBindAddress,
        String tcpAddress,
        @DefaultValue("35m") @NotNull Duration tcpIdleTimeout,
        @DefaultValue("50000") @Min(1) int tcpMaxConnections,
        @DefaultValue({"MESSAGE", "REPORT", "INVITATION", "GROUP_NOTICE", "AUTHORIZATION_REQUEST"}) @NotEmpty Set<Kind> smsWakes,
        @DefaultValue("2m") @NotNull Duration answerTimeout,
        @DefaultValue("1s") @NotNull Duration sweepInterval) {

    public CirSettings {
        methods = List.copyOf(methods);
        smsWakes = Set.copyOf(smsWakes);
    }

    /** Only what a poll hands out can wake a client. */
    @AssertTrue(message = "mobim.wv.cir.sms-wakes: MESSAGE, REPORT, INVITATION, GROUP_NOTICE, AUTHORIZATION_REQUEST or PRESENCE")
    public boolean isSmsWakesPolled() {
        return smsWakes.stream().allMatch(Kind::polled);
    }

    /** Whether something of {@code kind} waiting wakes a client agreed {@code method}: over TCP anything does. */
    public boolean wakes(CirMethod method, Kind kind) {
        return kind.polled() && (!method.sms() || smsWakes.contains(kind));
    }

    /** The durations must be long enough to mean something. */
    @AssertTrue(message = "mobim.wv.cir: answer-timeout at least 1s, sweep-interval at least 100ms, tcp-idle-timeout at least 1m")
    public boolean isConsistent() {
        return answerTimeout.toMillis() >= 1_000 && sweepInterval.toMillis() >= 100 && tcpIdleTimeout.toSeconds() >= 60;
    }
}
