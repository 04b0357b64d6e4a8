package io.mobim.wv;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.wv.model.Presence;
import io.mobim.wv.model.PresenceNotificationRequest;
import io.mobim.wv.model.UpdatePresenceRequest;
import io.mobim.wv.model.WvMessage;
import io.mobim.wv.model.WvNode;
import io.mobim.wv.model.presence.*;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Presence attributes a client sends come back as they came: in the form of their record they are typed,
 * in any other form (another order, a repeated or misplaced child, a value the record cannot hold exactly)
 * and when the model does not type them they stay trees, in both encodings and both versions.
 */
public class PresenceSubListTest {

    private static WvNode pv(String attribute, String qualifier, String value) {
        return WvNode.of(attribute, WvNode.leaf("Qualifier", qualifier), WvNode.leaf("PresenceValue", value));
    }

    /** Attributes in forms their records cannot hold, and attributes the model does not type. */
    public static final List<WvNode> OTHER = List.of(
            WvNode.of("OnlineStatus", WvNode.leaf("PresenceValue", "T"), WvNode.leaf("Qualifier", "T")),
            pv("OnlineStatus", "true", "T"),
            pv("OnlineStatus", "T", "yes"),
            WvNode.of("OnlineStatus", WvNode.leaf("Qualifier", "T"), WvNode.of("PresenceValue")),
            pv("UserAvailability", "T", "BUSY"),
            pv("UserAvailability", "T", "available"),
            WvNode.leaf("StatusText", "text where a PresenceValue belongs"),
            WvNode.of("StatusText", WvNode.leaf("Qualifier", "T"), WvNode.leaf("PresenceValue", "a"),
                    WvNode.leaf("PresenceValue", "b")),
            WvNode.of("StatusMood", WvNode.leaf("Qualifier", "T"), WvNode.of("PresenceValue", WvNode.leaf("Cap", "IM"))),
            WvNode.of("ClientInfo", WvNode.leaf("Qualifier", "T"), WvNode.leaf("Language", "en"), WvNode.leaf("Language", "fr")),
            WvNode.of("ClientInfo", WvNode.leaf("Model", "6600"), WvNode.leaf("ClientType", "MOBILE_PHONE")),
            WvNode.of("CommCap", WvNode.of("CommC", WvNode.leaf("Cap", "IM")), WvNode.leaf("Qualifier", "T")),
            WvNode.of("CommCap", WvNode.leaf("Qualifier", "T"),
                    WvNode.of("CommC", WvNode.leaf("Status", "OPEN"), WvNode.leaf("Cap", "IM"))),
            WvNode.of("CommCap", WvNode.leaf("Qualifier", "T"), WvNode.leaf("CommC", "text")),
            pv("Registration", "T", "T"),
            WvNode.of("GeoLocation", WvNode.leaf("Qualifier", "T"), WvNode.leaf("Longitude", "1.5"),
                    WvNode.leaf("Latitude", "45.25")));

    /** Attributes in the form of their records, with empty and absent children. */
    public static final List<PresenceAttribute> TYPED = List.of(
            OnlineStatus.of(false), new OnlineStatus(null, true), new OnlineStatus(null, null),
            UserAvailability.of(Availability.DISCREET), new UserAvailability(Boolean.FALSE, Availability.NOT_AVAILABLE),
            StatusText.of("On the train \u263A <&>"), StatusText.of(""), new StatusText(null, " "),
            StatusMood.of("HAPPY"), Alias.of("Jo"), new Alias(Boolean.FALSE, null),
            new ClientInfo(Boolean.TRUE, "MOBILE_PHONE", "Nokia", "Nokia", "6600", "2.0", "en"),
            new ClientInfo(null, null, "", null, "6230i", null, null),
            new CommCap(Boolean.TRUE, List.of(CommC.of("IM", "OPEN"), new CommC("SMS", "CLOSED", "+447700900123", "note"),
                    new CommC(null, null, null, null), new CommC("", "", "", ""))),
            new CommCap(null, List.of()),
            new StatusContent(Boolean.TRUE, null, "http://example.com/me.png", "image/png"),
            new StatusContent(Boolean.TRUE, "aGVsbG8=", null, ""));

    public static WvMessage update(CspVersion v, PresenceSubList l) {
        return Samples.message(v, new UpdatePresenceRequest(l));
    }

    @Test
    void attributesInOtherFormsComeBackAsTheyCame() throws Exception {
        PresenceSubList sent = PresenceSubList.of(WvNode.of("PresenceSubList", OTHER.toArray(WvNode[]::new)));
        assertThat(sent.attributes()).allSatisfy(a -> assertThat(a).isInstanceOf(OtherAttribute.class));
        assertThat(sent.toNode().children()).isEqualTo(OTHER);
        for (WvCodec codec : List.of(WvCodec.xml(), WvCodec.wbxml())) {
            for (CspVersion v : CspVersion.values()) {
                WvMessage m = update(v, sent);
                byte[] bytes = codec.encode(m);
                WvMessage back = codec.decode(bytes, WvLimits.DEFAULT);
                assertThat(back).as("%s %s", codec.contentType(), v).isEqualTo(m);
                assertThat(codec.encode(back)).isEqualTo(bytes);
            }
        }
    }

    @Test
    void attributesInTheFormOfTheirRecordsAreTypedAndWrittenAsTheirTrees() throws Exception {
        for (PresenceAttribute a : TYPED) {
            assertThat(PresenceAttribute.of(a.toNode())).as("%s", a).isEqualTo(a);
        }
        PresenceSubList typed = new PresenceSubList(TYPED);
        PresenceSubList asTrees = new PresenceSubList(TYPED.stream()
                .map(a -> (PresenceAttribute) new OtherAttribute(a.toNode())).toList());
        for (WvCodec codec : List.of(WvCodec.xml(), WvCodec.wbxml())) {
            for (CspVersion v : CspVersion.values()) {
                byte[] bytes = codec.encode(update(v, typed));
                assertThat(bytes).as("typed and tree bytes, %s %s", codec.contentType(), v)
                        .isEqualTo(codec.encode(update(v, asTrees)));
                assertThat(codec.decode(bytes, WvLimits.DEFAULT)).isEqualTo(update(v, typed));
            }
        }
    }

    @Test
    void typedAndOtherAttributesKeepTheirOrder() throws Exception {
        List<PresenceAttribute> mixed = new ArrayList<>();
        for (int i = 0; i < OTHER.size(); i++) {
            mixed.add(new OtherAttribute(OTHER.get(i)));
            mixed.add(TYPED.get(i % TYPED.size()));
        }
        WvMessage m = Samples.message(CspVersion.V1_2, new PresenceNotificationRequest(
                List.of(new Presence("wv:+447700900101@mobim", new PresenceSubList(mixed)))));
        for (WvCodec codec : List.of(WvCodec.xml(), WvCodec.wbxml())) {
            assertThat(codec.decode(codec.encode(m), WvLimits.DEFAULT)).isEqualTo(m);
        }
        PresenceSubList l = new PresenceSubList(mixed);
        assertThat(l.get(OnlineStatus.class)).isEqualTo(OnlineStatus.of(false));
        assertThat(l.get("Registration")).isEqualTo(new OtherAttribute(pv("Registration", "T", "T")));
        assertThat(PresenceSubList.select("OnlineStatus", "Registration").elements())
                .containsExactly("OnlineStatus", "Registration");
    }
}
