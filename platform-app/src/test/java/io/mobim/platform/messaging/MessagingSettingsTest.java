package io.mobim.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The messaging settings an operator may get wrong are refused at startup, with a message that says why. */
class MessagingSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MessagingSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void messagesAreKeptNinetyDaysAfterTheyWereSent() {
        runner.run(context -> assertThat(context.getBean(MessagingSettings.class)).satisfies(s -> {
            assertThat(s.retention()).isEqualTo(Duration.ofDays(90));
            assertThat(s.purgeInterval()).isEqualTo(Duration.ofMinutes(10));
        }));
    }

    @Test
    void aRetentionNotLongerThanTheValidityIsRefused() {
        runner.withPropertyValues("mobim.messaging.retention=3d").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("mobim.messaging.retention must be longer than mobim.messaging.validity"));
        runner.withPropertyValues("mobim.messaging.retention=10d", "mobim.messaging.validity=12d")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("mobim.messaging.retention=10d").run(context -> assertThat(context).hasNotFailed());
    }
}
