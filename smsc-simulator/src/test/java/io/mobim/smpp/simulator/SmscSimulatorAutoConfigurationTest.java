package io.mobim.smpp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.smpp.LocalSmsc;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SmscSimulatorAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SmscSimulatorAutoConfiguration.class));

    @Test
    void startsWhenEnabledWithRoleSmppAndOffersItselfToTheGateway() {
        runner.withPropertyValues("mobim.role.smpp.enabled=true", "mobim.smpp.simulator.enabled=true",
                "mobim.smpp.simulator.port=0").run(ctx -> {
            assertThat(ctx).hasSingleBean(SmscSimulator.class);
            int port = ctx.getBean(SmscSimulator.class).port();
            assertThat(port).isPositive();
            LocalSmsc link = ctx.getBean(LocalSmsc.class);
            assertThat(link.host()).isEqualTo("127.0.0.1");
            assertThat(link.port()).isEqualTo(port);
            assertThat(link.systemId()).isEqualTo("mobim");
        });
    }

    @Test
    void offUnlessEnabledEvenWithoutAnSmsc() {
        // a process with no SMS-C configured does not get a simulator by default: only the all-in-one turns it on
        runner.withPropertyValues("mobim.role.smpp.enabled=true", "mobim.smpp.simulator.port=0")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(SmscSimulator.class).doesNotHaveBean(LocalSmsc.class));
        runner.withPropertyValues("mobim.role.smpp.enabled=true", "mobim.smpp.simulator.enabled=false")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(SmscSimulator.class));
    }

    @Test
    void absentWithoutRoleSmpp() {
        runner.withPropertyValues("mobim.smpp.simulator.enabled=true", "mobim.smpp.simulator.port=0")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(SmscSimulator.class));
        runner.withPropertyValues("mobim.role.smpp.enabled=false", "mobim.smpp.simulator.enabled=true",
                        "mobim.smpp.simulator.port=0")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(SmscSimulator.class));
    }

    @Test
    void closesOnShutdown() {
        SmscSimulator[] seen = new SmscSimulator[1];
        runner.withPropertyValues("mobim.role.smpp.enabled=true", "mobim.smpp.simulator.enabled=true", "mobim.smpp.simulator.port=0")
                .run(ctx -> seen[0] = ctx.getBean(SmscSimulator.class));
        int port = seen[0].port();
        // the port is free again: a new simulator can take it
        try (SmscSimulator again = SmscSimulator.start(port)) {
            assertThat(again.port()).isEqualTo(port);
        }
    }
}
