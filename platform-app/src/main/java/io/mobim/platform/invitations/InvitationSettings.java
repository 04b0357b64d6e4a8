package io.mobim.platform.invitations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Invitations.
 *
 * @param validity how long an invitation is offered when the inviter does not say
 * @param maxValidity the longest an inviter may ask for
 */
@Validated
@ConfigurationProperties("mobim.invitations")
public record InvitationSettings(
        @DefaultValue("1d") Duration validity,
        @DefaultValue("7d") Duration maxValidity) {

    public InvitationSettings {
        if (validity.isNegative() || validity.isZero() || maxValidity.compareTo(validity) < 0) {
            throw new IllegalArgumentException("mobim.invitations.validity must be positive and at most max-validity");
        }
    }
}
