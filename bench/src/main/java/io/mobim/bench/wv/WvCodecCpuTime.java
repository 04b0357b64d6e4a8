package io.mobim.bench.wv;

import io.mobim.wv.WvDecodeException;
import io.mobim.wv.WvLimits;
import io.mobim.wv.model.WvMessage;
import io.mobim.wv.wbxml.WbxmlDecoder;
import io.mobim.wv.wbxml.WbxmlEncoder;
import io.mobim.wv.xml.XmlDecoder;
import io.mobim.wv.xml.XmlEncoder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Companion to {@link WvCodecBenchmark} for shared, overloaded machines: the same operations, but
 * the rate is counted per second of this thread's CPU time (ThreadMXBean) rather than wall time, so
 * time the scheduler gives to other processes does not count. It still suffers from cache and SMT
 * contention, and has none of JMH's rigour (no forks, no blackhole): a cross-check, not a
 * replacement. It also prints the bytes each operation allocates (exact, unlike the rates). Usage: {@code java -cp bench/target/benchmarks.jar io.mobim.bench.wv.WvCodecCpuTime [seconds]}.
 */
public final class WvCodecCpuTime {

    private static volatile Object sink;

    private WvCodecCpuTime() {
    }

    interface Op {
        Object run() throws WvDecodeException;
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        System.out.println(Machine.describe());
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        WbxmlDecoder wd = new WbxmlDecoder(WvLimits.DEFAULT);
        XmlDecoder xd = new XmlDecoder(WvLimits.DEFAULT);
        System.out.printf("%-22s %-18s %14s %14s %10s%n", "message", "operation", "ops/cpu-s", "ops/wall-s", "bytes/op");
        for (String name : new String[] {"SendMessage", "NewMessage", "PresenceNotification"}) {
            WvMessage m = WvCodecBenchmark.sample(name);
            byte[] wbxml = WbxmlEncoder.INSTANCE.encode(m);
            byte[] xml = XmlEncoder.INSTANCE.encode(m);
            measure(mx, seconds, name, "wbxml decode", () -> wd.decode(wbxml));
            measure(mx, seconds, name, "wbxml encode", () -> WbxmlEncoder.INSTANCE.encode(m));
            measure(mx, seconds, name, "wbxml decode+encode", () -> WbxmlEncoder.INSTANCE.encode(wd.decode(wbxml)));
            measure(mx, seconds, name, "xml decode", () -> xd.decode(xml));
            measure(mx, seconds, name, "xml encode", () -> XmlEncoder.INSTANCE.encode(m));
            measure(mx, seconds, name, "xml decode+encode", () -> XmlEncoder.INSTANCE.encode(xd.decode(xml)));
        }
    }

    private static void measure(ThreadMXBean mx, double seconds, String message, String op, Op body) throws Exception {
        for (int w = 0; w < 3; w++) { // warm-up rounds
            run(mx, seconds / 3, body);
        }
        double[] r = run(mx, seconds, body);
        System.out.printf("%-22s %-18s %14.0f %14.0f %10.0f%n", message, op, r[0], r[1], r[2]);
    }

    /** Operations per CPU-second, per wall-second, and bytes allocated per operation, over one slice. */
    static double[] run(ThreadMXBean mx, double seconds, Op body) throws Exception {
        com.sun.management.ThreadMXBean alloc = (com.sun.management.ThreadMXBean) mx;
        long bytes0 = alloc.getCurrentThreadAllocatedBytes();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        long limit = (long) (seconds * 1e9);
        long n = 0;
        while (mx.getCurrentThreadCpuTime() - cpu0 < limit) {
            for (int i = 0; i < 1000; i++) {
                sink = body.run();
            }
            n += 1000;
        }
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        long wall = System.nanoTime() - wall0;
        long bytes = alloc.getCurrentThreadAllocatedBytes() - bytes0;
        return new double[] {n * 1e9 / cpu, n * 1e9 / wall, (double) bytes / n};
    }
}
