package io.mobim.smpp.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mobim.events.sms.SmsMo;
import io.mobim.events.sms.SmsMt;
import io.mobim.smpp.SmppGateway;
import io.mobim.smpp.config.SmppProperties;
import io.mobim.smpp.mt.InMemoryMtLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The handset API of the simulator, with the gateway bound to it over loopback. */
class SimulatorControllerTest {

    private SmscSimulator smsc;
    private SmppGateway gateway;
    private MockMvc mvc;
    private final List<SmsMo> mos = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        smsc = SmscSimulator.start(0);
        gateway = new SmppGateway(List.of(SmppProperties.Smsc.of("sim", "127.0.0.1", smsc.port(), "mobim", "pw")),
                SmppProperties.Mt.defaults(), SmppProperties.Mo.defaults(), new InMemoryMtLedger(), mo -> {
                    mos.add(mo);
                    return CompletableFuture.completedFuture(null);
                }, dlr -> CompletableFuture.completedFuture(null), new SimpleMeterRegistry(), Clock.systemUTC()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!gateway.links().canTransmit()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(10);
        }
        mvc = MockMvcBuilders.standaloneSetup(new SimulatorController(smsc)).build();
    }

    @AfterEach
    void tearDown() {
        gateway.close();
        smsc.close();
    }

    @Test
    void aHandsetSendsAnMoAndReadsItsMts() throws Exception {
        mvc.perform(post("/api/v1/simulator/mo").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"+447700900001\",\"to\":\"20123\",\"text\":\"1 Hello there\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"));
        assertThat(mos).extracting(SmsMo::text).containsExactly("1 Hello there");

        gateway.accept(SmsMt.of("m1", "20123", "+447700900001", "Bob: hi!", Instant.now().plus(Duration.ofMinutes(1)), false, null));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (smsc.messagesTo("+447700900001").isEmpty()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(10);
        }
        mvc.perform(get("/api/v1/simulator/mt").param("msisdn", "+447700900001"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].text").value("Bob: hi!"))
                .andExpect(jsonPath("$[0].from").value("20123"))
                .andExpect(jsonPath("$[0].parts").value(1));
    }

    @Test
    void badInputIsAProblem() throws Exception {
        mvc.perform(post("/api/v1/simulator/mo").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"07700900001\",\"to\":\"20123\",\"text\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("E.164")));
        mvc.perform(post("/api/v1/simulator/mo").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"+447700900001\",\"to\":\"20123\",\"text\":\"\"}"))
                .andExpect(status().isBadRequest());
        assertThat(mos).isEmpty();
    }
}
