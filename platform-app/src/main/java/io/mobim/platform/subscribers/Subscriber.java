package io.mobim.platform.subscribers;

import io.mobim.events.Msisdn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;

/** A subscriber of the IM service: one phone number, with the settings that govern their traffic. */
@Entity
@Table(schema = "im", name = "subscriber")
public class Subscriber {

    @Id
    @Column(name = "msisdn")
    private String msisdn;

    private String nickname;

    private String locale;

    @Enumerated(EnumType.STRING)
    private SubscriberStatus status;

    @Column(name = "tariff_plan")
    private String tariffPlan;

    @Column(name = "password_hash")
    private String passwordHash;

    /** The password encrypted with the operator's key ({@link PasswordVault}), for digest logins; null without a key. */
    @Column(name = "password_sealed")
    private byte[] passwordSealed;

    @Column(name = "home_operator")
    private String homeOperator;

    @Column(name = "sms_fallback")
    private boolean smsFallback = true;

    @Column(name = "contacts_only")
    private boolean contactsOnly;

    @Column(name = "sms_opted_out")
    private boolean smsOptedOut;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected Subscriber() {
        // JPA
    }

    Subscriber(Msisdn msisdn, String nickname, Locale locale, String homeOperator, Instant now) {
        this.msisdn = msisdn.value();
        this.nickname = nickname;
        this.locale = locale.toLanguageTag();
        this.homeOperator = homeOperator;
        this.status = SubscriberStatus.ACTIVE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Msisdn msisdn() {
        return Msisdn.of(msisdn);
    }

    public String nickname() {
        return nickname;
    }

    public Locale locale() {
        return Languages.of(locale);
    }

    public SubscriberStatus status() {
        return status;
    }

    public boolean isActive() {
        return status == SubscriberStatus.ACTIVE;
    }

    public String tariffPlan() {
        return tariffPlan;
    }

    public String homeOperator() {
        return homeOperator;
    }

    /** Whether messages fall back to SMS when no client session is live. */
    public boolean smsFallback() {
        return smsFallback && !smsOptedOut;
    }

    /** Whether only the subscriber's contacts may write to them. */
    public boolean contactsOnly() {
        return contactsOnly;
    }

    /** Whether the subscriber texted STOP: no SMS at all is sent to them until they come back. */
    public boolean smsOptedOut() {
        return smsOptedOut;
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    String passwordHash() {
        return passwordHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    void nickname(String nickname, Instant now) {
        this.nickname = nickname;
        touched(now);
    }

    void locale(Locale locale, Instant now) {
        this.locale = locale.toLanguageTag();
        touched(now);
    }

    void status(SubscriberStatus status, Instant now) {
        this.status = status;
        touched(now);
    }

    void tariffPlan(String tariffPlan, Instant now) {
        this.tariffPlan = tariffPlan;
        touched(now);
    }

    byte[] passwordSealed() {
        return passwordSealed;
    }

    void password(String hash, byte[] sealed, Instant now) {
        this.passwordHash = hash;
        this.passwordSealed = sealed;
        touched(now);
    }

    void smsFallback(boolean on, Instant now) {
        this.smsFallback = on;
        touched(now);
    }

    void contactsOnly(boolean on, Instant now) {
        this.contactsOnly = on;
        touched(now);
    }

    void smsOptedOut(boolean out, Instant now) {
        this.smsOptedOut = out;
        touched(now);
    }

    private void touched(Instant now) {
        this.updatedAt = now;
    }
}
