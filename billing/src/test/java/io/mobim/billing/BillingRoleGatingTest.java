package io.mobim.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.billing.rating.RatingService;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The billing role contributes nothing unless it is switched on, and is listed for Boot to find. */
class BillingRoleGatingTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BillingAutoConfiguration.class));

    @Test
    void off_without_the_billing_role() {
        runner.run(context -> assertThat(context).doesNotHaveBean(RatingService.class).doesNotHaveBean(BillingProperties.class));
        runner.withPropertyValues("mobim.role.billing.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(RatingService.class));
    }

    @Test
    void registered_as_an_auto_configuration() throws Exception {
        try (var in = getClass().getResourceAsStream(
                "/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines())
                    .contains(BillingAutoConfiguration.class.getName());
        }
    }
}
