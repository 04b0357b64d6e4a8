package io.mobim.wv;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.wv.model.WvMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The codecs are shared: many threads (platform and virtual) decode and encode at once, good and bad input mixed. */
class ConcurrencyTest {

    @Test
    void sharedCodecsUnderConcurrency() throws Exception {
        byte[] xml = TestFiles.bytes("golden/g4-get-presence-response-1.1.xml");
        byte[] wbxml = TestFiles.bytes("golden/g4-get-presence-response-1.1.wbxml");
        WvMessage expected = WvCodec.xml().decode(xml, WvLimits.DEFAULT);
        byte[] broken = java.util.Arrays.copyOf(xml, xml.length / 2);
        for (ExecutorService pool : List.of(Executors.newFixedThreadPool(8), Executors.newVirtualThreadPerTaskExecutor())) {
            try (pool) {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    results.add(pool.submit(() -> {
                        for (int i = 0; i < 300; i++) {
                            if (!WvCodec.xml().decode(xml, WvLimits.DEFAULT).equals(expected)
                                    || !WvCodec.wbxml().decode(wbxml, WvLimits.DEFAULT).equals(expected)
                                    || !java.util.Arrays.equals(WvCodec.wbxml().encode(expected), wbxml)) {
                                return false;
                            }
                            try {
                                WvCodec.xml().decode(broken, WvLimits.DEFAULT);
                                return false;
                            } catch (WvDecodeException e) {
                                if (e.status() != StatusCode.BAD_REQUEST) {
                                    return false;
                                }
                            }
                        }
                        return true;
                    }));
                }
                for (Future<Boolean> f : results) {
                    assertThat(f.get()).isTrue();
                }
            }
        }
    }
}
