package io.mobim.wv.bind;

import io.mobim.wv.model.presence.Alias;
import io.mobim.wv.model.presence.ClientInfo;
import io.mobim.wv.model.presence.CommC;
import io.mobim.wv.model.presence.CommCap;
import io.mobim.wv.model.presence.OnlineStatus;
import io.mobim.wv.model.presence.OtherAttribute;
import io.mobim.wv.model.presence.PresenceAttribute;
import io.mobim.wv.model.presence.PresenceSubList;
import io.mobim.wv.model.presence.StatusContent;
import io.mobim.wv.model.presence.StatusMood;
import io.mobim.wv.model.presence.StatusText;
import io.mobim.wv.model.presence.UserAvailability;
import java.util.List;

/**
 * Writes a {@link PresenceSubList}: each typed attribute in the form of its
 * {@link io.mobim.wv.model.presence.AttributeShape} through constant tags, an {@link OtherAttribute} as its tree.
 * The events are those of the attribute's {@code toNode()} tree, so the bytes are too.
 */
final class PresenceWriter {

    private static final int QUALIFIER = TagTable.require("Qualifier");
    private static final int PRESENCE_VALUE = TagTable.require("PresenceValue");
    private static final int ONLINE_STATUS = TagTable.require(OnlineStatus.ELEMENT);
    private static final int USER_AVAILABILITY = TagTable.require(UserAvailability.ELEMENT);
    private static final int STATUS_TEXT = TagTable.require(StatusText.ELEMENT);
    private static final int STATUS_MOOD = TagTable.require(StatusMood.ELEMENT);
    private static final int ALIAS = TagTable.require(Alias.ELEMENT);
    private static final int CLIENT_INFO = TagTable.require(ClientInfo.ELEMENT);
    private static final int CLIENT_TYPE = TagTable.require("ClientType");
    private static final int DEV_MANUFACTURER = TagTable.require("DevManufacturer");
    private static final int CLIENT_PRODUCER = TagTable.require("ClientProducer");
    private static final int MODEL = TagTable.require("Model");
    private static final int CLIENT_VERSION = TagTable.require("ClientVersion");
    private static final int LANGUAGE = TagTable.require("Language");
    private static final int COMM_CAP = TagTable.require(CommCap.ELEMENT);
    private static final int COMM_C = TagTable.require(CommC.ELEMENT);
    private static final int CAP = TagTable.require("Cap");
    private static final int STATUS = TagTable.require("Status");
    private static final int CONTACT = TagTable.require("Contact");
    private static final int NOTE = TagTable.require("Note");
    private static final int STATUS_CONTENT = TagTable.require(StatusContent.ELEMENT);
    private static final int DIRECT_CONTENT = TagTable.require("DirectContent");
    private static final int REFERRED_CONTENT = TagTable.require("ReferredContent");
    private static final int CONTENT_TYPE = TagTable.require("ContentType");

    private PresenceWriter() {
    }

    static void write(int tag, PresenceSubList l, Sink out) {
        out.start(tag);
        List<PresenceAttribute> attributes = l.attributes();
        for (int i = 0, n = attributes.size(); i < n; i++) {
            attribute(attributes.get(i), out);
        }
        out.end();
    }

    private static void attribute(PresenceAttribute a, Sink out) {
        if (a instanceof OtherAttribute o) {
            int t = TagTable.id(o.element());
            if (t < 0) {
                throw new IllegalArgumentException("unknown CSP element <" + o.element() + ">");
            }
            Binder.writeNode(t, o.node(), out);
            return;
        }
        if (out.repeat(a)) {
            return;
        }
        typed(a, out);
        out.wrote(a);
    }

    private static void typed(PresenceAttribute a, Sink out) {
        switch (a) {
            case OnlineStatus s -> value(ONLINE_STATUS, s.qualifier(), s.presenceValue(), out);
            case UserAvailability s -> value(USER_AVAILABILITY, s.qualifier(), s.presenceValue(), out);
            case StatusText s -> value(STATUS_TEXT, s.qualifier(), s.value(), out);
            case StatusMood s -> value(STATUS_MOOD, s.qualifier(), s.value(), out);
            case Alias s -> value(ALIAS, s.qualifier(), s.value(), out);
            case ClientInfo c -> {
                out.start(CLIENT_INFO);
                qualifier(c.qualifier(), out);
                text(CLIENT_TYPE, c.clientType(), out);
                text(DEV_MANUFACTURER, c.devManufacturer(), out);
                text(CLIENT_PRODUCER, c.clientProducer(), out);
                text(MODEL, c.model(), out);
                text(CLIENT_VERSION, c.clientVersion(), out);
                text(LANGUAGE, c.language(), out);
                out.end();
            }
            case CommCap c -> {
                out.start(COMM_CAP);
                qualifier(c.qualifier(), out);
                List<CommC> caps = c.commCs();
                for (int i = 0, n = caps.size(); i < n; i++) {
                    CommC cc = caps.get(i);
                    out.start(COMM_C);
                    text(CAP, cc.cap(), out);
                    text(STATUS, cc.status(), out);
                    text(CONTACT, cc.contact(), out);
                    text(NOTE, cc.note(), out);
                    out.end();
                }
                out.end();
            }
            case StatusContent c -> {
                out.start(STATUS_CONTENT);
                qualifier(c.qualifier(), out);
                text(DIRECT_CONTENT, c.directContent(), out);
                text(REFERRED_CONTENT, c.referredContent(), out);
                text(CONTENT_TYPE, c.contentType(), out);
                out.end();
            }
            case OtherAttribute o -> throw new IllegalStateException("not typed: " + o.element());
        }
    }

    private static void value(int tag, Boolean qualifier, String value, Sink out) {
        out.start(tag);
        qualifier(qualifier, out);
        text(PRESENCE_VALUE, value, out);
        out.end();
    }

    private static void qualifier(Boolean q, Sink out) {
        if (q != null) {
            out.leaf(QUALIFIER, q ? "T" : "F");
        }
    }

    /** A text leaf: absent for {@code null}, an empty element for "" (as a tree writes it). */
    private static void text(int tag, String s, Sink out) {
        if (s == null) {
            return;
        }
        if (s.isEmpty()) {
            out.start(tag);
            out.end();
        } else {
            out.leaf(tag, s);
        }
    }
}
