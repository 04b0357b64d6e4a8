package io.mobim.smpp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SmscSimulatorAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SmscSimulatorAutoConfiguration.class));

    @Test
    void startsWhenRoleSmppIsOnAndNoSmscIsConfigured() {
        runner.withPropertyValues("mobim.role.smpp.enabled=true", "mobim.smpp.simulator.port=0").run(ctx -> {
            assertThat(ctx).hasSingleBean(SmscSimulator.class);
            assertThat(ctx.getBean(SmscSimulator.class).port()).isPositive();
        });
    }

    @Test
    void absentWithoutRoleSmpp() {
        runner.withPropertyValues("mobim.smpp.simulator.port=0").run(ctx -> assertThat(ctx).doesNotHaveBean(SmscSimulator.class));
        runner.withPropertyValues("mobim.role.smpp.enabled=false", "mobim.smpp.simulator.port=0")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(SmscSimulator.class));
    }

    @Test
    void aConfiguredSmscSwitchesItOffUnlessExplicitlyEnabled() {
        runner.withPropertyValues("mobim.role.smpp.enabled=true", "mobim.smpp.simulator.port=0",
                "mobim.smpp.smsc[0].host=smsc.example.net", "mobim.smpp.smsc[0].system-id=mobim")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(SmscSimulator.class));
        runner.withPropertyValues("mobim.role.smpp.enabled=true", "mobim.smpp.simulator.port=0",
                "mobim.smpp.smsc[0].host=smsc.example.net", "mobim.smpp.smsc[0].system-id=mobim",
                "mobim.smpp.simulator.enabled=true")
                .run(ctx -> assertThat(ctx).hasSingleBean(SmscSimulator.class));
        runner.withPropertyValues("mobim.role.smpp.enabled=true", "mobim.smpp.simulator.enabled=false")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(SmscSimulator.class));
    }

    @Test
    void closesOnShutdown() {
        SmscSimulator[] seen = new SmscSimulator[1];
        runner.withPropertyValues("mobim.role.smpp.enabled=true", "mobim.smpp.simulator.port=0")
                .run(ctx -> seen[0] = ctx.getBean(SmscSimulator.class));
        int port = seen[0].port();
        // the port is free again: a new simulator can take it
        try (SmscSimulator again = SmscSimulator.start(port)) {
            assertThat(again.port()).isEqualTo(port);
        }
    }
}
