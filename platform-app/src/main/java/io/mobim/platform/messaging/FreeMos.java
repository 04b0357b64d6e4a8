package io.mobim.platform.messaging;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The MOs the IM core handled around a business day without charging anyone, by design (commands, refusals with a
 * help reply, the SMS-C's redeliveries): the {@code freeMos} of the message log. The SMS channel keeps them.
 */
@FunctionalInterface
public interface FreeMos {

    /** Their ids ({@code SmsMo.id}), sorted; null when they are no longer all known. */
    List<String> around(LocalDate day, ZoneId zone);
}
