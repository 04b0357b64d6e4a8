package io.mobim.bench.wv;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Before/after of WBXML (or XML) decode+encode on a machine too busy for separate runs: each build of wv-protocol in its
 * own class loader in one JVM, their slices of CPU time interleaved (the order reversed every round), so the
 * builds share whatever else the machine is doing. Prints per build the median, highest and lowest rate over
 * the rounds (operations per CPU-second of the thread) and the bytes allocated per operation. Each build is a
 * class path holding wv-protocol and this module's {@link WvCodecBenchmark} (the samples), e.g.
 * {@code before=/tmp/before/classes:bench/target/benchmarks.jar after=bench/target/benchmarks.jar}.
 * Calls go through method handles, a cost every build pays alike.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.mobim.bench.wv.WvCodecInterleaved rounds slice-seconds
 * [messages=PresenceNotification] [format=xml] name=classpath...}; the format is WBXML unless {@code format=xml}. One message per JVM gives each the JIT profile it has in a
 * server that handles mostly that message; all three in one JVM (the default) share the JDK's profiles, as two
 * builds always do here.
 */
public final class WvCodecInterleaved {

    private static final String ALL_MESSAGES = "SendMessage,NewMessage,PresenceNotification";
    private static final int WARM_UP_ROUNDS = 3;

    private WvCodecInterleaved() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: rounds slice-seconds [messages=A,B] [format=xml] name=classpath...");
        }
        int rounds = Integer.parseInt(args[0]);
        double slice = Double.parseDouble(args[1]);
        System.out.println(Machine.describe());
        List<String> names = new ArrayList<>();
        List<URLClassLoader> loaders = new ArrayList<>();
        String[] messages = ALL_MESSAGES.split(",");
        String format = "wbxml";
        for (int i = 2; i < args.length; i++) {
            String[] build = args[i].split("=", 2);
            if (build[0].equals("messages")) {
                messages = build[1].split(",");
                continue;
            }
            if (build[0].equals("format")) {
                format = build[1];
                continue;
            }
            List<URL> urls = new ArrayList<>();
            for (String p : build[1].split(":")) {
                urls.add(Path.of(p).toUri().toURL());
            }
            names.add(build[0]);
            loaders.add(new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader()));
        }
        System.out.printf("%-22s %-10s %14s %14s %14s %10s%n", "message", "build", "median/cpu-s", "highest", "lowest",
                "bytes/op");
        for (String message : messages) {
            List<Op> ops = new ArrayList<>();
            for (ClassLoader loader : loaders) {
                ops.add(Op.of(loader, message, format));
            }
            double[][] rates = new double[ops.size()][rounds];
            double[] bytes = new double[ops.size()];
            for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
                for (int k = 0; k < ops.size(); k++) {
                    int b = round % 2 == 0 ? k : ops.size() - 1 - k;
                    double[] r = run(ops.get(b), slice);
                    if (round >= 0) {
                        rates[b][round] = r[0];
                        bytes[b] = r[1];
                    }
                }
            }
            for (int b = 0; b < ops.size(); b++) {
                double[] r = rates[b].clone();
                Arrays.sort(r);
                System.out.printf("%-22s %-10s %14.0f %14.0f %14.0f %10.0f%n", message, names.get(b), r[rounds / 2],
                        r[rounds - 1], r[0], bytes[b]);
            }
        }
    }

    /** Operations per CPU-second and bytes per operation over one slice. */
    private static double[] run(Op op, double seconds) throws Exception {
        double[] r = WvCodecCpuTime.run(ManagementFactory.getThreadMXBean(), seconds, op::decodeEncode);
        return new double[] {r[0], r[2]};
    }

    /** Decode then encode of one sample message in one format, in one build. */
    private record Op(MethodHandle decode, MethodHandle encode, byte[] document) {

        static Op of(ClassLoader loader, String message, String format) throws Throwable {
            String codec = format.equals("xml") ? "io.mobim.wv.xml.Xml" : "io.mobim.wv.wbxml.Wbxml";
            Method sample = loader.loadClass(WvCodecBenchmark.class.getName()).getDeclaredMethod("sample", String.class);
            sample.setAccessible(true);
            Object model = sample.invoke(null, message);
            Class<?> limits = loader.loadClass("io.mobim.wv.WvLimits");
            Class<?> decoderType = loader.loadClass(codec + "Decoder");
            Object decoder = decoderType.getConstructor(limits).newInstance(limits.getField("DEFAULT").get(null));
            Class<?> encoderType = loader.loadClass(codec + "Encoder");
            Object encoder = encoderType.getField("INSTANCE").get(null);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle encode = lookup.unreflect(encoderType.getMethod("encode",
                    loader.loadClass("io.mobim.wv.model.WvMessage"))).bindTo(encoder);
            MethodHandle decode = lookup.unreflect(decoderType.getMethod("decode", byte[].class)).bindTo(decoder);
            return new Op(decode, encode, (byte[]) encode.invoke(model));
        }

        Object decodeEncode() {
            try {
                return encode.invoke(decode.invoke(document));
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
