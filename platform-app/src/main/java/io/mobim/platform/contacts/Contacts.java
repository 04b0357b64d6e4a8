package io.mobim.platform.contacts;

import io.mobim.platform.blocking.BlockList;
import io.mobim.platform.subscribers.InvalidSubscriberData;
import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.Subscriber;
import io.mobim.platform.subscribers.SubscriberNotFound;
import io.mobim.platform.subscribers.Subscribers;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Buddy lists and presence authorisation. Adding a contact asks the contact for authorisation (RFC 2779);
 * the contact's presence is visible only once they accept. Entries keep their number for life, so that
 * "3 Hi" still reaches the same person after contact 2 is deleted.
 */
public class Contacts {

    private static final RowMapper<Contact> CONTACT = (rs, i) -> new Contact(Msisdn.of(rs.getString("owner")),
            rs.getInt("position"), Msisdn.of(rs.getString("contact_msisdn")), rs.getString("nickname"));

    private final JdbcClient jdbc;
    private final Subscribers subscribers;
    private final BlockList blocks;
    private final ApplicationEventPublisher events;
    private final ContactSettings settings;
    private final Clock clock;

    Contacts(JdbcClient jdbc, Subscribers subscribers, BlockList blocks, ApplicationEventPublisher events,
             ContactSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.subscribers = subscribers;
        this.blocks = blocks;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Adds {@code number} to {@code owner}'s buddy list (and to {@code list}, if given) and asks them for
     * authorisation to see their presence. Adding a number twice returns the existing entry.
     * A refusal (a limit, a bad nickname) comes before anything is written, so a caller's transaction may go on.
     */
    @Transactional(noRollbackFor = {ContactLimitReached.class, InvalidSubscriberData.class})
    public Contact add(Msisdn owner, Msisdn number, String nickname, String list) {
        Subscriber me = subscribers.findActive(owner).orElseThrow(() -> new SubscriberNotFound(owner));
        if (owner.equals(number)) {
            throw new IllegalArgumentException("a subscriber cannot add themselves");
        }
        Optional<Contact> existing = byNumber(owner, number);
        int count = 0;
        String nick = null;
        if (existing.isEmpty()) {
            count = jdbc.sql("select count(*) from im.contact where owner = ?").param(owner.value()).query(Integer.class).single();
            if (count >= settings.maxContacts()) {
                throw new ContactLimitReached("contacts", settings.maxContacts());
            }
            nick = nickname != null ? Subscribers.validNickname(nickname)
                    : subscribers.find(number).map(Subscriber::nickname).orElse(number.value().substring(number.value().length() - 4));
        }
        boolean namedList = list != null && !list.equals(settings.defaultList());
        if (namedList) {
            createList(owner, list, list); // its refusal (too many lists) is the last one, and comes before its write
        }
        Contact contact;
        if (existing.isPresent()) {
            contact = existing.get();
        } else {
            // the lowest free number: numbers stay short for SMS users, and never change for existing entries
            int position = jdbc.sql("""
                    select coalesce(min(p), 1) from generate_series(1, ? + 1) p
                    where not exists (select 1 from im.contact c where c.owner = ? and c.position = p)""")
                    .params(count, owner.value()).query(Integer.class).single();
            jdbc.sql("insert into im.contact (owner, position, contact_msisdn, nickname, created_at) values (?, ?, ?, ?, ?)")
                    .params(owner.value(), position, number.value(), nick, now()).update();
            contact = new Contact(owner, position, number, nick);
            addToList(owner, settings.defaultList(), number);
        }
        if (namedList) {
            addToList(owner, list, number);
        }
        requestAuthorization(number, owner, me.nickname());
        return contact;
    }

    /**
     * A peer operator's subscriber {@code watcher} asks {@code presentity}, one of ours, to see their presence: a pending
     * request as if they had added them here (asked again, nothing changes). A request the presentity refuses (blocked,
     * or not granted) is dropped as it is on-net, and taken all the same: the watcher must not learn they are refused.
     */
    @Transactional
    public void requestFromPeer(Msisdn presentity, Msisdn watcher, String watcherNickname) {
        requestAuthorization(presentity, watcher, watcherNickname != null ? watcherNickname
                : watcher.value().substring(watcher.value().length() - 4));
    }

    /** Removes entry {@code position}; the owner stops watching that contact. Returns the removed entry. */
    @Transactional
    public Optional<Contact> remove(Msisdn owner, int position) {
        Optional<Contact> contact = byPosition(owner, position);
        contact.ifPresent(c -> {
            jdbc.sql("delete from im.contact where owner = ? and position = ?").params(owner.value(), position).update();
            unsubscribe(owner, c.msisdn()); // the watcher cancels (RFC 2779 cancel)
        });
        return contact;
    }

    @Transactional(readOnly = true)
    public List<Contact> list(Msisdn owner) {
        return jdbc.sql("select * from im.contact where owner = ? order by position").param(owner.value()).query(CONTACT).list();
    }

    @Transactional(readOnly = true)
    public Optional<Contact> byPosition(Msisdn owner, int position) {
        return jdbc.sql("select * from im.contact where owner = ? and position = ?").params(owner.value(), position).query(CONTACT).optional();
    }

    @Transactional(readOnly = true)
    public Optional<Contact> byNumber(Msisdn owner, Msisdn number) {
        return jdbc.sql("select * from im.contact where owner = ? and contact_msisdn = ?").params(owner.value(), number.value())
                .query(CONTACT).optional();
    }

    /** The contact whose nickname is {@code nickname}, ignoring case. */
    @Transactional(readOnly = true)
    public Optional<Contact> byNickname(Msisdn owner, String nickname) {
        return jdbc.sql("select * from im.contact where owner = ? and lower(nickname) = lower(?) order by position limit 1")
                .params(owner.value(), nickname).query(CONTACT).optional();
    }

    /** Whether {@code number} is on {@code owner}'s buddy list. */
    @Transactional(readOnly = true)
    public boolean isContact(Msisdn owner, Msisdn number) {
        return jdbc.sql("select exists (select 1 from im.contact where owner = ? and contact_msisdn = ?)")
                .params(owner.value(), number.value()).query(Boolean.class).single();
    }

    // --- named lists (CSP contact lists) ---

    /** Creates a named list if it does not exist; the first list a subscriber gets is their default. */
    @Transactional(noRollbackFor = ContactLimitReached.class)
    public void createList(Msisdn owner, String name, String displayName) {
        if (name == null || name.isBlank() || name.length() > 50) {
            throw new IllegalArgumentException("a list name has 1..50 characters");
        }
        boolean exists = jdbc.sql("select exists (select 1 from im.contact_list where owner = ? and name = ?)")
                .params(owner.value(), name).query(Boolean.class).single();
        if (exists) {
            return;
        }
        int lists = jdbc.sql("select count(*) from im.contact_list where owner = ?").param(owner.value()).query(Integer.class).single();
        if (lists >= settings.maxLists()) {
            throw new ContactLimitReached("contact lists", settings.maxLists());
        }
        jdbc.sql("insert into im.contact_list (owner, name, display_name, is_default) values (?, ?, ?, ?)")
                .params(owner.value(), name, displayName, name.equals(settings.defaultList())).update();
    }

    @Transactional
    public void deleteList(Msisdn owner, String name) {
        if (name.equals(settings.defaultList())) {
            throw new IllegalArgumentException("the default list cannot be deleted");
        }
        jdbc.sql("delete from im.contact_list where owner = ? and name = ?").params(owner.value(), name).update();
    }

    @Transactional(readOnly = true)
    public List<String> listNames(Msisdn owner) {
        return jdbc.sql("select name from im.contact_list where owner = ? order by is_default desc, name")
                .param(owner.value()).query(String.class).list();
    }

    /** The members of a named list, in buddy-list order. */
    @Transactional(readOnly = true)
    public List<Contact> members(Msisdn owner, String list) {
        return jdbc.sql("""
                select c.* from im.contact c join im.contact_list_member m
                  on m.owner = c.owner and m.contact_msisdn = c.contact_msisdn
                where c.owner = ? and m.list_name = ? order by c.position""")
                .params(owner.value(), list).query(CONTACT).list();
    }

    /** The contacts on one of {@code owner}'s lists, in buddy-list order: on the default list, every contact. */
    @Transactional(readOnly = true)
    public List<Contact> onList(Msisdn owner, String list) {
        return list.equals(settings.defaultList()) ? list(owner) : members(owner, list);
    }

    /** The name of the list every contact is on ({@code mobim.contacts.default-list}). */
    public String defaultList() {
        return settings.defaultList();
    }

    /** Whether {@code owner} has a list called {@code name}. */
    @Transactional(readOnly = true)
    public boolean listExists(Msisdn owner, String name) {
        return jdbc.sql("select exists (select 1 from im.contact_list where owner = ? and name = ?)")
                .params(owner.value(), name).query(Boolean.class).single();
    }

    /**
     * Takes {@code number} off one of {@code owner}'s lists: off a named list only that list changes; off the default
     * list the contact is removed altogether (as {@link #remove}). Returns false if they were not on it.
     */
    @Transactional
    public boolean removeFromList(Msisdn owner, String list, Msisdn number) {
        if (list.equals(settings.defaultList())) {
            return byNumber(owner, number).flatMap(c -> remove(owner, c.position())).isPresent();
        }
        return jdbc.sql("delete from im.contact_list_member where owner = ? and list_name = ? and contact_msisdn = ?")
                .params(owner.value(), list, number.value()).update() > 0;
    }

    @Transactional
    public void addToList(Msisdn owner, String list, Msisdn number) {
        createList(owner, list, list);
        int added = jdbc.sql("insert into im.contact_list_member (owner, list_name, contact_msisdn) values (?, ?, ?) on conflict do nothing")
                .params(owner.value(), list, number.value()).update();
        // the list's attribute list, if it has one, is the owner's grant to whom it now holds
        if (added > 0 && jdbc.sql("""
                select exists (select 1 from im.presence_authorization where presentity = ? and watcher = ? and state = 'PENDING'
                               and im.presence_attributes(presentity, watcher) is not null)""")
                .params(owner.value(), number.value()).query(Boolean.class).single()) {
            answer(owner, number, AuthorizationState.ACCEPTED);
        }
    }

    // --- presence authorisation (RFC 2779) ---

    /** The presentity's pending requests, numbered 1.. in the order they came. */
    @Transactional(readOnly = true)
    public List<PendingRequest> pendingRequests(Msisdn presentity) {
        List<Object[]> rows = jdbc.sql("""
                select watcher, requested_at from im.presence_authorization
                where presentity = ? and state = 'PENDING' order by requested_at, watcher""")
                .param(presentity.value()).query((rs, i) -> new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant()}).list();
        java.util.ArrayList<PendingRequest> out = new java.util.ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(new PendingRequest(i + 1, Msisdn.of((String) rows.get(i)[0]), (java.time.Instant) rows.get(i)[1]));
        }
        return out;
    }

    /**
     * The oldest pending request a client of {@code presentity} was not handed yet, marked as handed: each goes out to
     * a client once (two sessions polling at once get different ones). Empty when none waits.
     */
    @Transactional
    public Optional<Msisdn> nextRequestForClient(Msisdn presentity) {
        return jdbc.sql("""
                update im.presence_authorization a set client_told_at = ?
                where a.ctid = (select ctid from im.presence_authorization
                                where presentity = ? and state = 'PENDING' and client_told_at is null
                                  and not (select refused from im.refusal(presentity, watcher))
                                order by requested_at, watcher limit 1 for update skip locked)
                returning a.watcher""")
                .params(now(), presentity.value()).query((rs, i) -> Msisdn.of(rs.getString(1))).optional();
    }

    /** Lets {@code watcher} see {@code presentity}'s presence. Returns false if they had not asked. */
    @Transactional
    public boolean accept(Msisdn presentity, Msisdn watcher) {
        return answer(presentity, watcher, AuthorizationState.ACCEPTED);
    }

    /** Refuses {@code watcher}; they are not asked again and see nothing. Returns false if they had not asked. */
    @Transactional
    public boolean deny(Msisdn presentity, Msisdn watcher) {
        return answer(presentity, watcher, AuthorizationState.DENIED);
    }

    /**
     * {@code presentity}'s decision about {@code watcher}, whether or not they asked: a grant before being asked lets
     * them see as soon as they watch, a refusal before being asked keeps them from asking. Returns whether it changed.
     */
    @Transactional
    public boolean decide(Msisdn presentity, Msisdn watcher, AuthorizationState state) {
        if (state == AuthorizationState.PENDING || presentity.equals(watcher)) {
            throw new IllegalArgumentException("a decision accepts or denies another subscriber");
        }
        int changed = jdbc.sql("""
                insert into im.presence_authorization as a (presentity, watcher, state, requested_at, decided_at)
                values (?, ?, ?, ?, ?)
                on conflict (presentity, watcher) do update set state = excluded.state, decided_at = excluded.decided_at
                where a.state <> excluded.state""")
                .params(presentity.value(), watcher.value(), state.name(), now(), now()).update();
        if (changed > 0) {
            events.publishEvent(new AuthorizationAnswered(presentity, watcher, state));
        }
        return changed > 0;
    }

    /**
     * {@code presentity} withdraws {@code watcher}'s authorisation (CSP CancelAuth): the watcher no longer sees them and
     * is asked again only if they subscribe again. Returns false if the watcher was not authorised.
     */
    @Transactional
    public boolean revoke(Msisdn presentity, Msisdn watcher) {
        return jdbc.sql("delete from im.presence_authorization where presentity = ? and watcher = ? and state = 'ACCEPTED'")
                .params(presentity.value(), watcher.value()).update() > 0;
    }

    /**
     * Accepts every pending request of a watcher an attribute list of {@code presentity} now covers (a list is a grant);
     * returns those accepted.
     */
    @Transactional
    public List<Msisdn> acceptCoveredByAttributeLists(Msisdn presentity) {
        List<Msisdn> covered = jdbc.sql("""
                select watcher from im.presence_authorization
                where presentity = ? and state = 'PENDING' and im.presence_attributes(presentity, watcher) is not null
                order by requested_at, watcher""")
                .param(presentity.value()).query((rs, i) -> Msisdn.of(rs.getString(1))).list();
        covered.forEach(w -> answer(presentity, w, AuthorizationState.ACCEPTED));
        return covered;
    }

    /**
     * {@code watcher} stops watching {@code presentity} but keeps them as a contact: a pending request disappears, an
     * accepted one ends (a refusal stays). Subscribing again asks anew. Returns false if there was nothing to end.
     */
    @Transactional
    public boolean unsubscribe(Msisdn watcher, Msisdn presentity) {
        return jdbc.sql("delete from im.presence_authorization where presentity = ? and watcher = ? and state <> 'DENIED'")
                .params(presentity.value(), watcher.value()).update() > 0;
    }

    /** Who may see {@code presentity}'s presence now: accepted and not refused, in the order they asked. */
    @Transactional(readOnly = true)
    public List<Msisdn> watchers(Msisdn presentity) {
        return jdbc.sql("""
                select watcher from im.presence_authorization
                where presentity = ? and state = 'ACCEPTED' and not (select refused from im.refusal(presentity, watcher))
                order by requested_at, watcher""")
                .param(presentity.value()).query((rs, i) -> Msisdn.of(rs.getString(1))).list();
    }

    /** Every watcher {@code presentity} was asked about or decided on, with the decision, in the order they asked. */
    @Transactional(readOnly = true)
    public Map<Msisdn, AuthorizationState> authorizations(Msisdn presentity) {
        Map<Msisdn, AuthorizationState> out = new LinkedHashMap<>();
        jdbc.sql("select watcher, state from im.presence_authorization where presentity = ? order by requested_at, watcher")
                .param(presentity.value())
                .query(rs -> {
                    out.put(Msisdn.of(rs.getString(1)), AuthorizationState.valueOf(rs.getString(2)));
                });
        return out;
    }

    /** Whether {@code presentity} accepted {@code watcher}. Blocking is checked separately by presence. */
    @Transactional(readOnly = true)
    public AuthorizationState authorization(Msisdn presentity, Msisdn watcher) {
        return jdbc.sql("select state from im.presence_authorization where presentity = ? and watcher = ?")
                .params(presentity.value(), watcher.value()).query(String.class).optional()
                .map(AuthorizationState::valueOf).orElse(null);
    }

    private boolean answer(Msisdn presentity, Msisdn watcher, AuthorizationState state) {
        int changed = jdbc.sql("""
                update im.presence_authorization set state = ?, decided_at = ?
                where presentity = ? and watcher = ? and state <> ?""")
                .params(state.name(), now(), presentity.value(), watcher.value(), state.name()).update();
        if (changed > 0) {
            events.publishEvent(new AuthorizationAnswered(presentity, watcher, state));
        }
        return changed > 0 || state == authorization(presentity, watcher);
    }

    private void requestAuthorization(Msisdn presentity, Msisdn watcher, String watcherNickname) {
        if (blocks.refuses(presentity, watcher)) {
            return; // dropped without a word: the watcher must not learn they are refused
        }
        // an attribute list of the presentity that covers the watcher is their grant: accepted without being asked
        Optional<String> inserted = jdbc.sql("""
                insert into im.presence_authorization (presentity, watcher, state, requested_at, decided_at)
                select p, w, case when covered then 'ACCEPTED' else 'PENDING' end, ?, case when covered then ?::timestamptz end
                from (select ?::varchar as p, ?::varchar as w) x
                cross join lateral (select im.presence_attributes(x.p, x.w) is not null as covered) c
                on conflict do nothing returning state""")
                .params(now(), now(), presentity.value(), watcher.value()).query(String.class).optional();
        if (inserted.isPresent() && inserted.get().equals(AuthorizationState.ACCEPTED.name())) {
            events.publishEvent(new AuthorizationAnswered(presentity, watcher, AuthorizationState.ACCEPTED));
        } else if (inserted.isPresent()) {
            int number = pendingRequests(presentity).stream().filter(r -> r.watcher().equals(watcher))
                    .findFirst().map(PendingRequest::number).orElse(1);
            events.publishEvent(new AuthorizationRequested(presentity, watcher, watcherNickname, number));
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
