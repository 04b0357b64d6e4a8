package io.mobim.platform.console;

import io.mobim.billing.records.BillService;
import io.mobim.clearing.web.ClearingApi;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.smpp.simulator.SmscSimulator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Which sections this process serves: a section shows what a role of this process does (subscribers need role
 * {@code im}, billing role {@code billing}, the handsets the SMS-C simulator of the all-in-one), so a split
 * deployment's console shows on each Deployment what runs there. Traffic is always served: every role has meters.
 */
final class ConsoleSections {

    private final Set<ConsoleSection> served;

    ConsoleSections(ListableBeanFactory beans) {
        Set<ConsoleSection> s = EnumSet.of(ConsoleSection.TRAFFIC);
        if (has(beans, SmscSimulator.class) && has(beans, Subscribers.class)) { // the handsets text the IM core's short code
            s.add(ConsoleSection.HANDSETS);
        }
        if (has(beans, Subscribers.class)) {
            s.add(ConsoleSection.SUBSCRIBERS);
        }
        if (has(beans, BillService.class)) {
            s.add(ConsoleSection.BILLING);
        }
        if (has(beans, ClearingApi.class)) {
            s.add(ConsoleSection.CLEARING);
        }
        this.served = s;
    }

    private static boolean has(ListableBeanFactory beans, Class<?> type) {
        return beans.getBeanNamesForType(type, false, false).length > 0;
    }

    boolean serves(ConsoleSection section) {
        return served.contains(section);
    }

    /** The sections served here that {@code user} may read, in menu order. */
    List<ConsoleSection> readableBy(Authentication user) {
        Set<String> roles = user == null ? Set.of() : Set.copyOf(user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).map(a -> a.replaceFirst("^ROLE_", "")).toList());
        return served.stream().filter(s -> s.readers().stream().anyMatch(roles::contains)).toList();
    }

    /** Thrown by a page whose section this process does not serve: answered 404 with an explanation. */
    static final class NotServedHere extends RuntimeException {
        NotServedHere(ConsoleSection section) {
            super(section.title() + " is not served by this process: its role does not run here (mobim.roles)");
        }
    }

    void require(ConsoleSection section) {
        if (!serves(section)) {
            throw new NotServedHere(section);
        }
    }
}
