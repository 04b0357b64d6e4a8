package io.mobim.platform.wv;

import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.platform.blocking.BlockList;
import io.mobim.platform.contacts.Contacts;
import io.mobim.platform.directory.Directory;
import io.mobim.platform.invitations.Invitations;
import io.mobim.platform.rooms.Groups;
import io.mobim.platform.rooms.RoomNotices;
import io.mobim.platform.rooms.Rooms;
import io.mobim.platform.messaging.ClientDeliveries;
import io.mobim.platform.messaging.ClientMessages;
import io.mobim.platform.messaging.ClientReports;
import io.mobim.platform.messaging.GroupCommit;
import io.mobim.platform.presence.ClientSessions;
import io.mobim.platform.presence.PresenceService;
import io.mobim.platform.subscribers.PasswordVault;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.platform.wv.blocking.WvBlocking;
import io.mobim.platform.wv.contacts.WvContactLists;
import io.mobim.platform.wv.groups.WvGroupMembers;
import io.mobim.platform.wv.groups.WvGroupNotices;
import io.mobim.platform.wv.groups.WvGroups;
import io.mobim.platform.wv.invitations.WvInvitations;
import io.mobim.platform.wv.messaging.WvDeliveryReports;
import io.mobim.platform.wv.messaging.WvMessaging;
import io.mobim.platform.wv.presence.WvPresence;
import io.mobim.platform.wv.presence.WvPresenceAuthorization;
import io.mobim.platform.presence.AttributeLists;
import io.mobim.platform.wv.search.WvSearch;
import io.mobim.platform.wv.session.CirAgreement;
import io.mobim.platform.wv.session.Logins;
import io.mobim.platform.wv.session.Negotiation;
import io.mobim.platform.wv.session.WakeSignals;
import io.mobim.platform.wv.session.WvSessions;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** The Wireless Village channel of role {@code im}: the CSP endpoint and what it serves. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("mobim.role.im.enabled")
@EnableConfigurationProperties(WvSettings.class)
class WvConfiguration {

    /**
     * The CSP endpoint authenticates by CSP session, not HTTP: its POSTs never reach the filters ({@link CspValve}); for
     * anything else on its path, its own filter chain, before the APIs' one, without HTTP Basic, so that an
     * Authorization header a WAP gateway or client adds is never checked (nor answered 401).
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain wvSecurity(HttpSecurity http, WvSettings settings) throws Exception {
        http.securityMatcher(settings.path())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    /** {@code POST <mobim.wv.path>}, served from Tomcat's pipeline (see {@link CspValve}). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> wvValve(WvSettings settings, ObjectProvider<WvEndpoint> endpoint) {
        return factory -> factory.addContextValves(new CspValve(settings.path(), endpoint::getObject));
    }

    @Bean
    WvEndpoint wvEndpoint(CspDispatcher dispatcher, WvSessions sessions, WvSettings settings, MeterRegistry meters) {
        return new WvEndpoint(dispatcher, sessions, settings, meters);
    }

    @Bean
    CspDispatcher cspDispatcher(WvSessions sessions, Logins logins, Negotiation negotiation, WvMessaging messaging,
                                WvDeliveryReports reports, WvContactLists contactLists, WvPresence presence, WvBlocking blocking,
                                WvInvitations invitations, WvGroups groups, WvGroupMembers groupMembers, WvSearch search,
                                WakeSignals signals, List<CspRoutes> routes) {
        return new CspDispatcher(sessions, logins, negotiation, messaging, reports, contactLists, presence, blocking, invitations,
                groups, groupMembers, search, signals, routes);
    }

    @Bean
    WvGroupNotices wvGroupNotices(Rooms rooms, Groups groups, RoomNotices notices, GroupIds groupIds, UserIds userIds) {
        return new WvGroupNotices(rooms, groups, notices, groupIds, userIds);
    }

    @Bean
    WvPresenceAuthorization wvPresenceAuthorization(AttributeLists lists, Contacts contacts, UserIds userIds) {
        return new WvPresenceAuthorization(lists, contacts, userIds);
    }

    @Bean
    WakeSignals wvWakeSignals(DataSource dataSource, MeterRegistry meters) {
        return new WakeSignals(dataSource, meters);
    }

    @Bean
    WvSearch wvSearch(Directory directory, UserIds userIds) {
        return new WvSearch(directory, userIds);
    }

    @Bean
    GroupIds wvGroupIds(UserIds userIds, WvSettings settings) {
        return new GroupIds(userIds, settings);
    }

    @Bean
    WvGroups wvGroups(Rooms rooms, Groups groups, RoomNotices notices, GroupIds groupIds, UserIds userIds) {
        return new WvGroups(rooms, groups, notices, groupIds, userIds);
    }

    @Bean
    WvGroupMembers wvGroupMembers(Rooms rooms, Groups groups, GroupIds groupIds, UserIds userIds) {
        return new WvGroupMembers(rooms, groups, groupIds, userIds);
    }

    @Bean
    WvInvitations wvInvitations(Invitations invitations, Contacts contacts, UserIds userIds, Clock clock) {
        return new WvInvitations(invitations, contacts, userIds, clock);
    }

    @Bean
    WvDeliveryReports wvDeliveryReports(ClientReports reports, UserIds userIds) {
        return new WvDeliveryReports(reports, userIds);
    }

    @Bean
    WvBlocking wvBlocking(BlockList blocks, UserIds userIds) {
        return new WvBlocking(blocks, userIds);
    }

    @Bean
    WvPresence wvPresence(PresenceService presence, GroupCommit groupCommit, Contacts contacts, UserIds userIds, WvSessions sessions) {
        return new WvPresence(presence, groupCommit, contacts, userIds, sessions);
    }

    @Bean
    WvContactLists wvContactLists(Contacts contacts, UserIds userIds) {
        return new WvContactLists(contacts, userIds);
    }

    @Bean
    UserIds wvUserIds(WvSettings settings, Subscribers subscribers) {
        return new UserIds(settings, subscribers);
    }

    @Bean
    WvSessions wvSessions(JdbcClient jdbc, ClientSessions clientSessions, WakeSignals signals, WvSettings settings, Clock clock) {
        return new WvSessions(jdbc, clientSessions, signals, settings, clock);
    }

    @Bean
    Logins wvLogins(Subscribers subscribers, UserIds userIds, WvSessions sessions, PasswordVault vault, WvSettings settings, Clock clock) {
        return Logins.create(subscribers, userIds, sessions, vault, settings, clock);
    }

    @Bean
    Negotiation wvNegotiation(WvSessions sessions, WvSettings settings, ObjectProvider<CirAgreement> cir) {
        return new Negotiation(sessions, settings, cir.getIfAvailable(() -> CirAgreement.NONE));
    }

    @Bean
    WvMessaging wvMessaging(GroupCommit groupCommit, ClientMessages clientMessages, ClientDeliveries clientDeliveries, UserIds userIds,
                            GroupIds groupIds, WvSessions sessions, WakeSignals signals) {
        return new WvMessaging(groupCommit, clientMessages, clientDeliveries, userIds, groupIds, sessions, signals);
    }
}
