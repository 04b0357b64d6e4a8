package io.mobim.bench.wv;

import io.mobim.wv.CspVersion;
import io.mobim.wv.WvCodec;
import io.mobim.wv.WvDecodeException;
import io.mobim.wv.WvLimits;
import io.mobim.wv.model.*;
import io.mobim.wv.model.presence.*;
import io.mobim.wv.wbxml.WbxmlDecoder;
import io.mobim.wv.wbxml.WbxmlEncoder;
import io.mobim.wv.xml.XmlDecoder;
import io.mobim.wv.xml.XmlEncoder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the wv-protocol codecs (issue 3): decode, encode and decode+encode of SendMessage,
 * NewMessage and PresenceNotification, CSP 1.2, in XML and WBXML, single thread.
 * Targets: WBXML decode+encode >= 1,000,000 msg/s per core, XML >= 200,000 msg/s.
 *
 * <pre>java -jar bench/target/benchmarks.jar WvCodecBenchmark</pre>
 * (or {@code WvCodecBenchmark.main}, which prints the machine first and runs one fork).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WvCodecBenchmark {

    @Param({"SendMessage", "NewMessage", "PresenceNotification"})
    public String message;

    private WvMessage model;
    private byte[] xml;
    private byte[] wbxml;
    private final WbxmlDecoder wbxmlDecoder = new WbxmlDecoder(WvLimits.DEFAULT);
    private final XmlDecoder xmlDecoder = new XmlDecoder(WvLimits.DEFAULT);

    @Setup(Level.Trial)
    public void setUp() {
        System.out.println();
        System.out.println(Machine.describe());
        model = sample(message);
        xml = XmlEncoder.INSTANCE.encode(model);
        wbxml = WbxmlEncoder.INSTANCE.encode(model);
        System.out.println(message + ": XML " + xml.length + " bytes, WBXML " + wbxml.length + " bytes");
    }

    static WvMessage sample(String which) {
        SessionDescriptor session = SessionDescriptor.inband("im.mobim.example#48815@mobim");
        MessageInfo info = new MessageInfo(null, null, "text/plain", null, 26,
                new Recipient(List.of(new User("wv:+447700900123@mobim.example")), List.of(), List.of()),
                new Sender(new User("wv:+447700900456@mobim.example"), null), null, null, null);
        return switch (which) {
            case "SendMessage" -> WvMessage.of(CspVersion.V1_2, session, Transaction.request("42",
                    new SendMessageRequest(false, info, "See you at 8 at the station")));
            case "NewMessage" -> WvMessage.of(CspVersion.V1_2, session, new Transaction(TransactionMode.REQUEST,
                    "srv-1000017", false, new NewMessage(new MessageInfo("m-000000017", null, "text/plain", "None", 26,
                            info.recipient(), info.sender(), null, "20261123T141502Z", 600),
                            "See you at 8 at the station")));
            case "PresenceNotification" -> WvMessage.of(CspVersion.V1_2, session, new Transaction(
                    TransactionMode.REQUEST, "srv-1000018", false, new PresenceNotificationRequest(List.of(
                    new Presence("wv:+447700900456@mobim.example", PresenceSubList.of(OnlineStatus.of(true),
                            UserAvailability.of(Availability.AVAILABLE), StatusText.of("On the train"),
                            ClientInfo.of("MOBILE_PHONE"), CommCap.of(CommC.of("IM", "OPEN"))))))));
            default -> throw new IllegalArgumentException(which);
        };
    }

    @Benchmark
    public WvMessage wbxmlDecode() throws WvDecodeException {
        return wbxmlDecoder.decode(wbxml);
    }

    @Benchmark
    public byte[] wbxmlEncode() {
        return WbxmlEncoder.INSTANCE.encode(model);
    }

    @Benchmark
    public byte[] wbxmlDecodeEncode() throws WvDecodeException {
        return WbxmlEncoder.INSTANCE.encode(wbxmlDecoder.decode(wbxml));
    }

    @Benchmark
    public WvMessage xmlDecode() throws WvDecodeException {
        return xmlDecoder.decode(xml);
    }

    @Benchmark
    public byte[] xmlEncode() {
        return XmlEncoder.INSTANCE.encode(model);
    }

    @Benchmark
    public byte[] xmlDecodeEncode() throws WvDecodeException {
        return XmlEncoder.INSTANCE.encode(xmlDecoder.decode(xml));
    }

    /** Facade path used by the platform: {@code WvCodec.wbxml().decode(bytes, limits)} then encode. */
    @Benchmark
    public void facadeWbxml(Blackhole bh) throws WvDecodeException {
        bh.consume(WvCodec.wbxml().encode(WvCodec.wbxml().decode(wbxml, WvLimits.DEFAULT)));
    }

    public static void main(String[] args) throws Exception {
        System.out.println(Machine.describe());
        org.openjdk.jmh.Main.main(args.length > 0 ? args : new String[] {WvCodecBenchmark.class.getSimpleName()});
    }
}
