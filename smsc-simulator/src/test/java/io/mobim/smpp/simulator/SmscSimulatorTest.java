package io.mobim.smpp.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator against a plain jSMPP ESME over loopback (not the gateway's), so the contract holds on its own. */
class SmscSimulatorTest {

    private SmscSimulator smsc;
    private SMPPSession esme;
    private final List<DeliverSm> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() {
        if (esme != null) {
            esme.unbindAndClose();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    private SMPPSession bind(String systemId, String password) throws Exception {
        SMPPSession s = new SMPPSession();
        s.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) {
                received.add(deliverSm);
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) {
                return null;
            }
        });
        s.connectAndBind("127.0.0.1", smsc.port(), new BindParameter(BindType.BIND_TRX, systemId, password, "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 5_000);
        return s;
    }

    private String submit(String to, String text) throws Exception {
        return esme.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "20123",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to, new ESMClass(), (byte) 0, (byte) 1, null, null,
                new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0, DataCodings.ZERO, (byte) 0,
                text.getBytes(StandardCharsets.ISO_8859_1)).getMessageId();
    }

    private void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within the time limit").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void storesMtPerHandsetAndSendsAReceipt() throws Exception {
        smsc = SmscSimulator.start(0);
        assertThat(smsc.port()).isPositive();
        esme = bind("anyone", "pw");
        String id = submit("447700900002", "Hi there");

        assertThat(smsc.messagesTo("+447700900002")).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("Hi there");
            assertThat(m.from()).isEqualTo("20123");
            assertThat(m.messageIds()).containsExactly(id);
        });
        awaitTrue(() -> !received.isEmpty());
        DeliverSm receipt = received.get(0);
        assertThat(MessageType.SMSC_DEL_RECEIPT.containedIn(receipt.getEsmClass())).isTrue();
        assertThat(receipt.getShortMessageAsDeliveryReceipt().getId()).isEqualTo(id);
        // the handset view lists the receipt the ESME acknowledged, by the part's message id
        awaitTrue(() -> !smsc.receiptsFor("+447700900002").isEmpty());
        assertThat(smsc.receiptsFor("447700900002")).singleElement().satisfies(r -> {
            assertThat(r.messageId()).isEqualTo(id);
            assertThat(r.state()).isEqualTo("DELIVRD");
        });
    }

    @Test
    void tellsListenersOfEveryMessageThatReachesAHandset() throws Exception {
        smsc = SmscSimulator.start(0);
        java.util.List<HandsetMessage> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();
        smsc.onHandsetMessage(arrivals::add);
        esme = bind("anyone", "pw");
        submit("447700900002", "first");
        submit("447700900003", "second");
        assertThat(arrivals).extracting(HandsetMessage::text).containsExactly("first", "second");
        assertThat(arrivals).extracting(HandsetMessage::to).containsExactly("+447700900002", "+447700900003");
    }

    @Test
    void injectsAnMoToTheBoundReceiver() throws Exception {
        smsc = SmscSimulator.start(0);
        esme = bind("anyone", "pw");
        smsc.injectMo("+447700900001", "20123", "1 Hello there").get(10, TimeUnit.SECONDS);
        assertThat(received).singleElement().satisfies(d -> {
            assertThat(d.getSourceAddr()).isEqualTo("447700900001");
            assertThat(d.getDestAddress()).isEqualTo("20123");
            assertThat(new String(d.getShortMessage(), StandardCharsets.ISO_8859_1)).isEqualTo("1 Hello there");
        });
    }

    @Test
    void checksConfiguredCredentials() throws Exception {
        smsc = SmscSimulator.start(SmscSimulator.Options.defaults().withCredentials("mobim", "secret"));
        assertThatThrownBy(() -> bind("mobim", "wrong")).isInstanceOf(java.io.IOException.class);
        esme = bind("mobim", "secret");
        assertThat(smsc.boundSessions()).isEqualTo(1);
    }

    @Test
    void answersThrottledWhenTold() throws Exception {
        smsc = SmscSimulator.start(SmscSimulator.Options.defaults().withReceiptDelay(Duration.ofMillis(1)));
        esme = bind("anyone", "pw");
        smsc.throttleNext(1);
        assertThatThrownBy(() -> submit("447700900002", "one"))
                .isInstanceOfSatisfying(NegativeResponseException.class,
                        e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RTHROTTLED));
        submit("447700900002", "two");
        assertThat(smsc.messagesTo("+447700900002")).extracting(HandsetMessage::text).containsExactly("two");
    }

    @Test
    void dropsConnections() throws Exception {
        smsc = SmscSimulator.start(0);
        esme = bind("anyone", "pw");
        smsc.dropConnections();
        awaitTrue(() -> !esme.getSessionState().isBound());
        assertThat(smsc.boundSessions()).isZero();
    }
}
