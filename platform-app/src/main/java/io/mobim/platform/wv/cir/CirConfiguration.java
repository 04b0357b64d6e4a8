package io.mobim.platform.wv.cir;

import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.platform.messaging.MessagingSettings;
import io.mobim.platform.outbox.Outbox;
import io.mobim.platform.presence.ClientSessions;
import io.mobim.platform.presence.PresenceService;
import io.mobim.platform.presence.PresenceSettings;
import io.mobim.platform.wv.session.WakeSignals;
import io.mobim.platform.wv.session.WvSessions;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Waking idle CSP clients (CIR) in role {@code im}: the STCP port, the agreement, the sweeper of wakes. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("mobim.role.im.enabled")
@EnableConfigurationProperties(CirSettings.class)
class CirConfiguration {

    @Bean
    TcpCirServer wvTcpCirServer(WvSessions sessions, CirSettings settings, WakeSignals signals, Environment environment,
                                MeterRegistry meters) {
        TcpCirServer server = new TcpCirServer(sessions, settings, environment.getProperty("server.address"), meters);
        signals.addListener(server);
        return server;
    }

    @Bean
    CirNegotiation wvCirNegotiation(JdbcClient jdbc, CirSettings settings, TcpCirServer tcp) {
        return new CirNegotiation(jdbc, settings, tcp);
    }

    @Bean
    CirSweeper wvCirSweeper(JdbcClient jdbc, PlatformTransactionManager transactionManager, PresenceService presence,
                            ClientSessions clientSessions, Outbox outbox, CirSettings settings, PresenceSettings presenceSettings, MessagingSettings messaging, Clock clock,
                            MeterRegistry meters) {
        return new CirSweeper(jdbc, new TransactionTemplate(transactionManager), presence, clientSessions, outbox, settings,
                presenceSettings, messaging, clock, meters);
    }
}
