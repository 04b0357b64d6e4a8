// Where a paced SMS command's time goes, hop by hop: joins the paced SMS-C's per-command times (deliver_sm sent,
// deliver_sm_resp, the MT's submit_sm received) with the create times of the command's records on sms.mo.v1 (the
// gateway publishing the MO) and sms.mt.v1 (the outbox relay publishing the MT), found by the command's "p<seq>" tag.
// Where the outbox hands MTs straight to the gateway (the all-in-one), sms.mt.v1 has none: the IM core, relay and
// gateway are then one hop, MO -> submit_sm.
// Run by paced-run.sh with the all-in-one still up: java -cp '<kafka-clients and slf4j-api jars>' PathHops.java
//   <bootstrap> <times.csv> <first measured seq>
// Clocks: the driver and the JVM read the same machine's wall clock (loopback only), to the millisecond.
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

public class PathHops {
    private static final Pattern TAG = Pattern.compile("\\bp(\\d+)\\b");

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        List<String> lines = Files.readAllLines(Path.of(args[1]));
        int firstMeasured = Integer.parseInt(args[2]);
        Map<Integer, Long> mo = createTimes(bootstrap, "sms.mo.v1");
        Map<Integer, Long> mt = createTimes(bootstrap, "sms.mt.v1");
        boolean mtOnKafka = !mt.isEmpty();
        Map<String, List<Double>> hops = new LinkedHashMap<>();
        List<String> names = mtOnKafka
                ? List.of("deliver_sm -> MO on sms.mo.v1 (gateway)", "deliver_sm -> deliver_sm_resp",
                        "MO -> MT on sms.mt.v1 (IM core, outbox relay)", "MT -> submit_sm (gateway)", "deliver_sm -> submit_sm")
                : List.of("deliver_sm -> MO on sms.mo.v1 (gateway)", "deliver_sm -> deliver_sm_resp",
                        "MO -> submit_sm (IM core, outbox relay, gateway)", "deliver_sm -> submit_sm");
        names.forEach(hop -> hops.put(hop, new ArrayList<>()));
        for (String line : lines) {
            String[] f = line.split(",");
            int k = Integer.parseInt(f[0]);
            double sent = Double.parseDouble(f[1]), resp = Double.parseDouble(f[2]), got = Double.parseDouble(f[3]);
            if (k < firstMeasured || got <= 0 || !mo.containsKey(k) || mtOnKafka && !mt.containsKey(k)) {
                continue;
            }
            List<List<Double>> h = new ArrayList<>(hops.values());
            h.get(0).add(mo.get(k) - sent);
            h.get(1).add(resp - sent);
            if (mtOnKafka) {
                h.get(2).add((double) (mt.get(k) - mo.get(k)));
                h.get(3).add(got - mt.get(k));
            } else {
                h.get(2).add(got - mo.get(k));
            }
            h.getLast().add(got - sent);
        }
        hops.forEach((hop, ms) -> {
            double[] a = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("%-48s n=%d  p50 %7.1f ms  p90 %7.1f ms  p99 %7.1f ms%n", hop, a.length,
                    pct(a, 50), pct(a, 90), pct(a, 99));
        });
    }

    private static double pct(double[] sorted, int p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** The create time of the first record of each tag on {@code topic}, read from the start to the end. */
    private static Map<Integer, Long> createTimes(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.deserializer", ByteArrayDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        Map<Integer, Long> times = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> tps = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> end = c.endOffsets(tps);
            while (tps.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                    Matcher m = r.value() == null ? null : TAG.matcher(new String(r.value(), StandardCharsets.UTF_8));
                    if (m != null && m.find()) {
                        times.putIfAbsent(Integer.parseInt(m.group(1)), r.timestamp());
                    }
                }
            }
        }
        return times;
    }
}
