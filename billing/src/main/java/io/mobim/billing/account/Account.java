package io.mobim.billing.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of a subscriber's plan history as billing knows it: from {@link #validFrom()} on, the subscriber is on
 * {@link #planId()}. Rows set by the billing team ({@link Source#API}) take precedence over the plan the IM core put
 * on the event; rows learned from events ({@link Source#EVENT}) only fill in for events that carry no plan.
 */
@Entity
@Table(schema = "billing", name = "account")
@IdClass(Account.Key.class)
public class Account {

    /** Who set the row. */
    public enum Source { API, EVENT }

    /** Primary key: a subscriber's plan from an instant on. */
    public record Key(String msisdn, Instant validFrom) implements Serializable {
    }

    @Id
    @Column(name = "msisdn", length = 16)
    private String msisdn;

    @Id
    @Column(name = "valid_from")
    private Instant validFrom;

    @Column(name = "plan_id", length = 64, nullable = false)
    private String planId;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", length = 8, nullable = false)
    private Source source;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Account() {
        // JPA
    }

    public Account(String msisdn, Instant validFrom, String planId, Source source, Instant updatedAt) {
        this.msisdn = Objects.requireNonNull(msisdn, "msisdn");
        this.validFrom = Objects.requireNonNull(validFrom, "validFrom");
        this.planId = Objects.requireNonNull(planId, "planId");
        this.source = Objects.requireNonNull(source, "source");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public String msisdn() { return msisdn; }
    public Instant validFrom() { return validFrom; }
    public String planId() { return planId; }
    public Source source() { return source; }
    public Instant updatedAt() { return updatedAt; }

    /** Corrects the plan of this row (the billing team fixing a wrong assignment). */
    public void correct(String newPlanId, Instant at) {
        this.planId = Objects.requireNonNull(newPlanId, "planId");
        this.source = Source.API;
        this.updatedAt = at;
    }
}
