package io.mobim.platform.presence;

import io.mobim.events.Msisdn;
import io.mobim.platform.contacts.AuthorizationState;
import io.mobim.platform.contacts.Contacts;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Presence attribute lists: which attributes of their presence a subscriber lets one watcher, the members of one of
 * their contact lists, or everyone else (the default list) see. A watcher's own list wins over their contact lists'
 * (which add up), which win over the default list; an authorised watcher no list covers sees everything. A list is
 * also a grant (proactive authorisation): the watchers it covers are accepted without being asked, those who asked
 * already at once. Deleting a list takes no authorisation back (CancelAuth does); what the watcher sees falls back to
 * the next list that covers them. Every change reaches the watchers it concerns on their next poll (the database
 * stamps their authorisations, im V48).
 */
public class AttributeLists {

    private static final String SELECT = "select kind, watcher, list_name, attributes from im.presence_attribute_list ";

    private final JdbcClient jdbc;
    private final Contacts contacts;
    private final PresenceSettings settings;
    private final Clock clock;

    AttributeLists(JdbcClient jdbc, Contacts contacts, PresenceSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Creates or replaces {@code presentity}'s list for whom {@code list} names, and grants it.
     *
     * @throws AttributeListRefused if the contact list does not exist, or the presentity has as many lists as allowed
     */
    @Transactional
    public void set(Msisdn presentity, AttributeList list) {
        if (list.kind() == AttributeListKind.USER && list.watcher().equals(presentity)) {
            throw new AttributeListRefused(AttributeListRefused.Reason.INVALID, "one always sees one's own presence");
        }
        if (list.kind() == AttributeListKind.CONTACT_LIST && !contacts.listExists(presentity, list.contactList())) {
            throw new AttributeListRefused(AttributeListRefused.Reason.NO_SUCH_CONTACT_LIST, "no contact list " + list.contactList());
        }
        if (find(presentity, list.kind(), list.watcher(), list.contactList()).isEmpty()
                && jdbc.sql("select count(*) from im.presence_attribute_list where presentity = ?").param(presentity.value())
                        .query(Integer.class).single() >= settings.maxAttributeLists()) {
            throw new AttributeListRefused(AttributeListRefused.Reason.LIMIT, "at most " + settings.maxAttributeLists() + " attribute lists");
        }
        String[] attributes = list.attributes().stream().map(Enum::name).sorted().toArray(String[]::new);
        Timestamp now = Timestamp.from(clock.instant());
        String conflict = switch (list.kind()) {
            case USER -> "(presentity, watcher) where kind = 'USER'";
            case CONTACT_LIST -> "(presentity, list_name) where kind = 'CONTACT_LIST'";
            case DEFAULT -> "(presentity) where kind = 'DEFAULT'";
        };
        jdbc.sql("""
                insert into im.presence_attribute_list (presentity, kind, watcher, list_name, attributes, updated_at)
                values (?, ?, ?, ?, ?::varchar[], ?)
                on conflict %s do update set attributes = excluded.attributes, updated_at = excluded.updated_at""".formatted(conflict))
                .params(presentity.value(), list.kind().name(), list.watcher() == null ? null : list.watcher().value(),
                        list.contactList(), attributes, now)
                .update();
        if (list.kind() == AttributeListKind.USER) {
            contacts.decide(presentity, list.watcher(), AuthorizationState.ACCEPTED);
        } else {
            contacts.acceptCoveredByAttributeLists(presentity);
        }
    }

    /** Deletes {@code presentity}'s list of that kind for that watcher or contact list; false if there was none. */
    @Transactional
    public boolean delete(Msisdn presentity, AttributeListKind kind, Msisdn watcher, String contactList) {
        int deleted = jdbc.sql("""
                delete from im.presence_attribute_list where presentity = ? and kind = ?
                  and watcher is not distinct from ? and list_name is not distinct from ?""")
                .params(presentity.value(), kind.name(), watcher == null ? null : watcher.value(), contactList).update();
        return deleted > 0;
    }

    /** {@code presentity}'s lists: the default one first, then contact lists' and users', each by name. */
    @Transactional(readOnly = true)
    public List<AttributeList> lists(Msisdn presentity) {
        return jdbc.sql(SELECT + """
                where presentity = ?
                order by case kind when 'DEFAULT' then 0 when 'CONTACT_LIST' then 1 else 2 end, list_name, watcher""")
                .param(presentity.value()).query((rs, i) -> toList(rs)).list();
    }

    /** One of {@code presentity}'s lists, if they have it. */
    @Transactional(readOnly = true)
    public Optional<AttributeList> find(Msisdn presentity, AttributeListKind kind, Msisdn watcher, String contactList) {
        return jdbc.sql(SELECT + """
                where presentity = ? and kind = ?
                  and watcher is not distinct from ? and list_name is not distinct from ?""")
                .params(presentity.value(), kind.name(), watcher == null ? null : watcher.value(), contactList)
                .query((rs, i) -> toList(rs)).optional();
    }

    /** What {@code presentity} lets {@code watcher} see by their lists; empty when no list covers the watcher. */
    @Transactional(readOnly = true)
    public Optional<Set<PresenceAttribute>> attributesFor(Msisdn presentity, Msisdn watcher) {
        List<Set<PresenceAttribute>> row = jdbc.sql("select im.presence_attributes(?, ?)").params(presentity.value(), watcher.value())
                .query((rs, i) -> attributes(rs.getArray(1))).list();
        return Optional.ofNullable(row.getFirst());
    }

    private static AttributeList toList(ResultSet rs) throws SQLException {
        String watcher = rs.getString("watcher");
        return new AttributeList(AttributeListKind.valueOf(rs.getString("kind")), watcher == null ? null : Msisdn.of(watcher),
                rs.getString("list_name"), attributes(rs.getArray("attributes")));
    }

    /** The attributes of a {@code varchar[]} column; null for SQL null. */
    static Set<PresenceAttribute> attributes(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Set<PresenceAttribute> out = EnumSet.noneOf(PresenceAttribute.class);
        for (Object name : (Object[]) array.getArray()) {
            out.add(PresenceAttribute.valueOf((String) name));
        }
        return out;
    }
}
