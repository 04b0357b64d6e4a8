package io.mobim.platform.wv.cir;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.platform.wv.session.WakeSignals.Kind;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Which kinds wake a client by SMS is the operator's choice; a choice that cannot mean anything is refused at startup. */
class CirSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CirSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void byDefaultEverythingButPresenceWakesBySmsAndEverythingOverTcp() {
        runner.run(context -> assertThat(context.getBean(CirSettings.class)).satisfies(s -> {
            assertThat(s.smsWakes()).containsExactlyInAnyOrder(Kind.MESSAGE, Kind.REPORT, Kind.INVITATION, Kind.GROUP_NOTICE,
                    Kind.AUTHORIZATION_REQUEST);
            assertThat(s.wakes(CirMethod.WAPSMS, Kind.PRESENCE)).isFalse();
            assertThat(s.wakes(CirMethod.SSMS, Kind.INVITATION)).isTrue();
            assertThat(s.wakes(CirMethod.STCP, Kind.PRESENCE)).isTrue();
        }));
    }

    @Test
    void anOperatorChoosesWhatWakesBySms() {
        runner.withPropertyValues("mobim.wv.cir.sms-wakes=MESSAGE,PRESENCE").run(context -> {
            CirSettings s = context.getBean(CirSettings.class);
            assertThat(s.wakes(CirMethod.SSMS, Kind.PRESENCE)).isTrue();
            assertThat(s.wakes(CirMethod.SSMS, Kind.INVITATION)).isFalse();
            assertThat(s.wakes(CirMethod.STCP, Kind.INVITATION)).as("TCP wakes cost nothing").isTrue();
        });
    }

    @Test
    void whatNoPollHandsOutOrNothingAtAllIsRefused() {
        runner.withPropertyValues("mobim.wv.cir.sms-wakes=MESSAGE,SETTINGS").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("mobim.wv.cir.sms-wakes"));
        runner.withPropertyValues("mobim.wv.cir.sms-wakes=").run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("mobim.wv.cir.sms-wakes=LOVE_LETTER").run(context -> assertThat(context).hasFailed());
    }
}
