package io.mobim.platform.subscribers;

import io.mobim.events.Msisdn;
import io.mobim.events.charging.ChargingEvent;
import io.mobim.platform.security.Passwords;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subscriber register: provisioning from the operator's CRM, self-registration by SMS, and the checks every
 * other feature makes (does this number exist, is it active, what language does it speak).
 */
public class Subscribers {

    private static final Logger log = LoggerFactory.getLogger(Subscribers.class);
    /** Nicknames are addressed as {@code @nick} in SMS: no spaces. */
    public static final Pattern NICKNAME = Pattern.compile("[\\p{L}\\p{N}_.-]{1,32}");

    private final SubscriberRepository repository;
    private final PasswordEncoder passwords;
    private final PasswordVault vault;
    private final SubscriberSettings settings;
    private final Clock clock;

    Subscribers(SubscriberRepository repository, PasswordEncoder passwords, PasswordVault vault, SubscriberSettings settings,
                Clock clock) {
        this.repository = repository;
        this.passwords = passwords;
        this.vault = vault;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Registers a new active subscriber; {@code changes} may set everything but the number. Invalid data is refused
     * before anything is written, so a caller's transaction may go on.
     */
    @Transactional(noRollbackFor = InvalidSubscriberData.class)
    public Subscriber register(Msisdn msisdn, String nickname, SubscriberChanges changes) {
        if (repository.existsById(msisdn.value())) {
            throw new SubscriberAlreadyExists(msisdn);
        }
        Subscriber s = new Subscriber(msisdn, validNickname(nickname), Locale.forLanguageTag(settings.defaultLocale()),
                settings.homeOperator(), clock.instant());
        apply(s, changes);
        repository.saveAndFlush(s);
        log.info("Subscriber {} registered", msisdn);
        return s;
    }

    @Transactional(readOnly = true)
    public Optional<Subscriber> find(Msisdn msisdn) {
        return repository.findById(msisdn.value());
    }

    @Transactional(readOnly = true)
    public Subscriber get(Msisdn msisdn) {
        return find(msisdn).orElseThrow(() -> new SubscriberNotFound(msisdn));
    }

    /** The subscriber if they exist and are active; empty otherwise. */
    @Transactional(readOnly = true)
    public Optional<Subscriber> findActive(Msisdn msisdn) {
        return find(msisdn).filter(Subscriber::isActive);
    }

    @Transactional(readOnly = true)
    public List<Subscriber> list(int page, int size) {
        return repository.findAll(PageRequest.of(page, size, Sort.by("msisdn"))).getContent();
    }

    /**
     * One page of the subscribers whose number contains {@code query} (digits, with or without the '+') or whose
     * nickname contains it, ignoring case; every subscriber when it is blank. Ordered by number.
     */
    @Transactional(readOnly = true)
    public Page<Subscriber> search(String query, int page, int size) {
        PageRequest request = PageRequest.of(page, size, Sort.by("msisdn"));
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return repository.findAll(request);
        }
        String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String number = q.startsWith("+") ? like.replaceFirst("^%", "") : like;
        return repository.search(number, like.toLowerCase(Locale.ROOT), request);
    }

    @Transactional
    public Subscriber update(Msisdn msisdn, SubscriberChanges changes) {
        Subscriber s = get(msisdn);
        apply(s, changes);
        return s;
    }

    /** STOP by SMS: the subscriber leaves the service and no SMS is sent to them any more. */
    @Transactional
    public Subscriber optOutOfSms(Msisdn msisdn, boolean optedOut) {
        Subscriber s = get(msisdn);
        s.smsOptedOut(optedOut, clock.instant());
        return s;
    }

    @Transactional
    public void delete(Msisdn msisdn) {
        if (!repository.existsById(msisdn.value())) {
            throw new SubscriberNotFound(msisdn);
        }
        repository.deleteById(msisdn.value());
        log.info("Subscriber {} deleted", msisdn);
    }

    /**
     * Sets the subscriber's client password (the SMS command PASS). An invalid one is refused before anything is
     * written, so a caller's transaction may go on.
     *
     * @throws InvalidSubscriberData if it is not 6..64 characters or too long for the hash
     */
    @Transactional(noRollbackFor = InvalidSubscriberData.class)
    public void setPassword(Msisdn msisdn, String password) {
        String valid = validPassword(password);
        setPassword(get(msisdn), valid, clock.instant());
    }

    /** Whether {@code password} is the subscriber's client password; false for unknown or password-less ones. */
    @Transactional(readOnly = true)
    public boolean passwordMatches(Msisdn msisdn, String password) {
        return find(msisdn).filter(Subscriber::hasPassword)
                .map(s -> passwords.matches(password, s.passwordHash()))
                .orElse(false);
    }

    /**
     * The subscriber's client password in clear, for a login that proves knowledge of it without sending it (the CSP
     * digest); empty for unknown or password-less subscribers, without an operator key, or when the password was set
     * before the key (then they must set it again).
     */
    @Transactional(readOnly = true)
    public Optional<String> clientPassword(Msisdn msisdn) {
        return find(msisdn).filter(Subscriber::hasPassword).flatMap(s -> vault.open(s.msisdn().value(), s.passwordSealed()));
    }

    /** Parses a number as typed by a person or a client, with this operator's country code for national numbers. */
    public Msisdn parseNumber(String typed) {
        return Msisdn.parse(typed, settings.defaultCountryCode());
    }

    private void setPassword(Subscriber s, String password, Instant now) {
        s.password(passwords.encode(password), vault.seal(s.msisdn().value(), password), now);
    }

    private static String validPassword(String password) {
        if (password.length() < 6 || password.length() > 64) {
            throw new InvalidSubscriberData("password", "6..64 characters");
        }
        // 64 characters outside ASCII can exceed what the hash accepts
        if (Passwords.tooLong(password)) {
            throw new InvalidSubscriberData("password", "at most " + Passwords.MAX_BYTES + " bytes in UTF-8");
        }
        return password;
    }

    public static String validNickname(String nickname) {
        if (nickname == null || !NICKNAME.matcher(nickname).matches()) {
            throw new InvalidSubscriberData("nickname", "1..32 letters, digits, '.', '_' or '-' (no spaces)");
        }
        return nickname;
    }

    private void apply(Subscriber s, SubscriberChanges c) {
        var now = clock.instant();
        if (c.nickname() != null) {
            s.nickname(validNickname(c.nickname()), now);
        }
        if (c.password() != null) {
            setPassword(s, validPassword(c.password()), now);
        }
        if (c.locale() != null) {
            if (!settings.locales().contains(c.locale())) {
                throw new InvalidSubscriberData("locale", "one of " + settings.locales());
            }
            s.locale(Locale.forLanguageTag(c.locale()), now);
        }
        if (c.tariffPlan() != null) {
            if (!ChargingEvent.isPlanId(c.tariffPlan())) {
                throw new InvalidSubscriberData("tariffPlan", "a plan id such as VODAFONE_UK (A-Z, 0-9, _)");
            }
            s.tariffPlan(c.tariffPlan(), now);
        }
        if (c.status() != null) {
            s.status(c.status(), now);
        }
        if (c.smsFallback() != null) {
            s.smsFallback(c.smsFallback(), now);
        }
        if (c.contactsOnly() != null) {
            s.contactsOnly(c.contactsOnly(), now);
        }
    }
}
