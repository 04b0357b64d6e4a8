package io.mobim.wv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mobim.wv.model.Presence;
import io.mobim.wv.model.PresenceNotificationRequest;
import io.mobim.wv.model.SessionDescriptor;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.UpdatePresenceRequest;
import io.mobim.wv.model.WvMessage;
import io.mobim.wv.model.presence.Availability;
import io.mobim.wv.model.presence.ClientInfo;
import io.mobim.wv.model.presence.CommC;
import io.mobim.wv.model.presence.CommCap;
import io.mobim.wv.model.presence.OnlineStatus;
import io.mobim.wv.model.presence.OtherAttribute;
import io.mobim.wv.model.presence.PresenceAttribute;
import io.mobim.wv.model.presence.PresenceSubList;
import io.mobim.wv.model.presence.StatusText;
import io.mobim.wv.model.presence.UserAvailability;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Presence attributes the codec keeps between documents (the decoder by their bytes, the encoder by their value)
 * always come back as the document says and are always written as they are written the first time: a few
 * recurring attributes and a stream of new ones, the same attributes at different depths, after different code
 * pages and in both CSP versions, in WBXML and XML, interleaved on one thread as a server sees them.
 */
class KeptAttributesTest {

    private static final List<PresenceAttribute> RECURRING = List.of(OnlineStatus.of(true), OnlineStatus.of(false),
            new OnlineStatus(null, true), UserAvailability.of(Availability.AVAILABLE),
            UserAvailability.of(Availability.DISCREET), new UserAvailability(false, null), ClientInfo.of("MOBILE_PHONE"),
            ClientInfo.of("COMPUTER"), new ClientInfo(true, "MOBILE_PHONE", "ACME", null, "X1", "1.0", "en"),
            CommCap.of(CommC.of("IM", "OPEN")), CommCap.of(CommC.of("IM", "CLOSED")),
            CommCap.of(CommC.of("IM", "OPEN"), CommC.of("SMS", "OPEN")), StatusText.of("On the train"),
            StatusText.of("On the tram"), StatusText.of(""));

    @Test
    void everyDocumentDecodesToItsOwnAttributesAndEncodesAsItsTree() throws Exception {
        Random random = new Random(18);
        for (int i = 0; i < 20_000; i++) {
            List<PresenceAttribute> attributes = new ArrayList<>();
            for (int n = random.nextInt(6); n > 0; n--) {
                attributes.add(random.nextInt(4) > 0 ? RECURRING.get(random.nextInt(RECURRING.size()))
                        : random.nextBoolean() ? StatusText.of("at " + random.nextInt(1000))
                        : CommCap.of(CommC.of("IM", "OPEN"), CommC.of("SMS", "N" + random.nextInt(100))));
            }
            CspVersion version = random.nextBoolean() ? CspVersion.V1_1 : CspVersion.V1_2;
            boolean update = random.nextBoolean();
            WvMessage m = message(version, update, attributes);
            // the attributes as trees: written element by element, never kept
            WvMessage trees = message(version, update,
                    attributes.stream().<PresenceAttribute>map(a -> new OtherAttribute(a.toNode())).toList());
            for (WvCodec codec : List.of(WvCodec.wbxml(), WvCodec.xml())) {
                byte[] bytes = codec.encode(m);
                assertThat(bytes).isEqualTo(codec.encode(trees));
                assertThat(codec.decode(bytes, WvLimits.DEFAULT)).isEqualTo(m);
            }
        }
    }

    @Test
    void aKeptAttributeIsStillHeldToTheDocumentsDepthLimit() throws Exception {
        WvMessage m = message(CspVersion.V1_2, false, List.of(CommCap.of(CommC.of("IM", "OPEN"))));
        for (WvCodec codec : List.of(WvCodec.wbxml(), WvCodec.xml())) {
            byte[] bytes = codec.encode(m);
            // WV-CSP-Message, Session, Transaction, TransactionContent, PresenceNotification-Request, Presence,
            // PresenceSubList, CommCap, CommC, Cap: ten deep
            for (int i = 0; i < 3; i++) {
                assertThat(codec.decode(bytes, new WvLimits(WvLimits.DEFAULT.maxBytes(), 10))).isEqualTo(m);
            }
            assertThatThrownBy(() -> codec.decode(bytes, new WvLimits(WvLimits.DEFAULT.maxBytes(), 9)))
                    .isInstanceOf(WvDecodeException.class).hasMessageContaining("deep");
        }
    }

    private static WvMessage message(CspVersion version, boolean update, List<PresenceAttribute> attributes) {
        PresenceSubList list = new PresenceSubList(attributes);
        return WvMessage.of(version, SessionDescriptor.inband("s-1"), Transaction.request("1", update
                ? new UpdatePresenceRequest(list)
                : new PresenceNotificationRequest(List.of(new Presence("wv:+447700900456@mobim.example", null, list)))));
    }
}
