package io.mobim.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mobim.events.sms.SmsDlr;
import io.mobim.events.sms.SmsMo;
import io.mobim.events.sms.SmsMt;
import io.mobim.smpp.health.SmppHealthIndicator;
import io.mobim.smpp.kafka.KafkaSmsPublisher;
import io.mobim.smpp.mo.MoSink;
import io.mobim.smpp.mt.DlrSink;
import io.mobim.smpp.mt.InMemoryMtLedger;
import io.mobim.smpp.mt.MtLedger;
import io.mobim.smpp.simulator.SmscSimulator;
import io.mobim.smpp.simulator.SmscSimulatorAutoConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

class SmppGatewayAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SmscSimulatorAutoConfiguration.class, KafkaAutoConfiguration.class,
                    SmppGatewayAutoConfiguration.class));

    @Configuration(proxyBeanMethods = false)
    static class Sinks {
        final List<SmsMo> mos = new CopyOnWriteArrayList<>();
        final List<SmsDlr> dlrs = new CopyOnWriteArrayList<>();

        @Bean
        MoSink moSink() {
            return mo -> {
                mos.add(mo);
                return CompletableFuture.completedFuture(null);
            };
        }

        @Bean
        DlrSink dlrSink() {
            return dlr -> {
                dlrs.add(dlr);
                return CompletableFuture.completedFuture(null);
            };
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void withoutAnSmscItBindsToTheSimulatorAndCarriesMoAndMt() {
        runner.withUserConfiguration(Sinks.class)
                .withPropertyValues("mobim.role.smpp.enabled=true", "mobim.smpp.simulator.enabled=true", "mobim.smpp.simulator.port=0",
                        "mobim.smpp.kafka.enabled=false")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(SmppGateway.class).hasSingleBean(SmscSimulator.class);
                    assertThat(ctx.getBean(MtLedger.class)).isInstanceOf(InMemoryMtLedger.class);
                    SmppGateway gateway = ctx.getBean(SmppGateway.class);
                    SmscSimulator smsc = ctx.getBean(SmscSimulator.class);
                    Sinks sinks = ctx.getBean(Sinks.class);
                    // the context starts with the gateway's session already bound to the simulator
                    assertThat(gateway.links().canTransmit()).isTrue();
                    assertThat(smsc.boundSessions()).isEqualTo(1);
                    assertThat(gateway.links().links()).singleElement().satisfies(l -> {
                        assertThat(l.id()).isEqualTo("simulator");
                        assertThat(l.config().port()).isEqualTo(smsc.port());
                        assertThat(l.config().window()).isEqualTo(32);
                        assertThat(l.config().throughput()).isEqualTo(10_000);
                    });
                    assertThat(ctx.getBean(SmppHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);

                    smsc.injectMo("+447700900001", "20123", "1 Hello there").get(30, TimeUnit.SECONDS);
                    assertThat(sinks.mos).extracting(SmsMo::text).containsExactly("1 Hello there");

                    gateway.accept(SmsMt.of("a1", "20123", "+447700900002", "Hello back", Instant.now().plus(Duration.ofMinutes(1)),
                            true, null));
                    await(() -> sinks.dlrs.size() == 2);
                    assertThat(smsc.messagesTo("+447700900002")).extracting(m -> m.text()).containsExactly("Hello back");
                    assertThat(ctx.getBean(MeterRegistry.class).find("mobim.smpp.bind.up").gauge().value()).isEqualTo(1);
                });
    }

    @Test
    void withKafkaItBuildsThePublisherAndTheMtListener() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("mobim.role.smpp.enabled=true", "mobim.smpp.simulator.enabled=true", "mobim.smpp.simulator.port=0",
                        "spring.kafka.bootstrap-servers=127.0.0.1:1", "spring.kafka.listener.auto-startup=false")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(KafkaSmsPublisher.class);
                    assertThat(ctx).hasBean("smppMtListener");
                    assertThat(ctx.getBean("smppMtListener")).isInstanceOf(ConcurrentMessageListenerContainer.class);
                    // the gateway's producers are not KafkaTemplate beans: the application's stays the only one
                    assertThat(ctx).getBeans(org.springframework.kafka.core.KafkaTemplate.class).hasSize(1);
                });
    }

    @Test
    void anSmscWithoutHostIsAConfigurationError() {
        runner.withUserConfiguration(Sinks.class)
                .withPropertyValues("mobim.role.smpp.enabled=true", "mobim.smpp.kafka.enabled=false", "mobim.smpp.simulator.port=0",
                        "mobim.smpp.smsc[0].system-id=mobim", "mobim.smpp.smsc[0].window=0")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining("smsc[0]"));
    }

    @Test
    void withoutAnSmscAndWithoutTheSimulatorItRefusesToStart() {
        // a deployment with no SMS-C configured does not fall back to the simulator: it says what is missing
        runner.withUserConfiguration(Sinks.class)
                .withPropertyValues("mobim.role.smpp.enabled=true", "mobim.smpp.kafka.enabled=false", "mobim.smpp.simulator.port=0")
                .run(ctx -> {
                    assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining("mobim.smpp.smsc[0].host");
                    assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("all-in-one");
                });
    }

    @Test
    void nothingWithoutRoleSmpp() {
        runner.withPropertyValues("mobim.smpp.simulator.enabled=true", "mobim.smpp.simulator.port=0")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(SmppGateway.class).doesNotHaveBean(SmscSimulator.class));
    }

    @Test
    void aConfiguredSmscReplacesTheSimulator() {
        runner.withUserConfiguration(Sinks.class)
                .withPropertyValues("mobim.role.smpp.enabled=true", "mobim.smpp.kafka.enabled=false",
                        "mobim.smpp.smsc[0].host=127.0.0.1", "mobim.smpp.smsc[0].port=1",
                        "mobim.smpp.smsc[0].system-id=mobim", "mobim.smpp.smsc[0].throughput=50",
                        "mobim.smpp.smsc[0].reconnect-initial=10s")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().doesNotHaveBean(SmscSimulator.class);
                    SmppGateway gateway = ctx.getBean(SmppGateway.class);
                    assertThat(gateway.links().links()).singleElement().satisfies(l -> {
                        assertThat(l.id()).isEqualTo("smsc0");
                        assertThat(l.config().throughput()).isEqualTo(50);
                        assertThat(l.config().window()).isEqualTo(32);
                        assertThat(l.currentThroughputLimit()).isEqualTo(50.0);
                    });
                    assertThat(ctx.getBean(SmppHealthIndicator.class).health().getStatus()).isEqualTo(Status.DOWN);
                });
    }
}
