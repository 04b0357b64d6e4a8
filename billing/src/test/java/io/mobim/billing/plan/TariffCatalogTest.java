package io.mobim.billing.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mobim.events.charging.Channel;
import io.mobim.events.charging.Direction;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TariffCatalogTest {

    private static TariffPlanVersion vodafone(int version, String from, String price) {
        return new TariffPlanVersion("VODAFONE_UK", version, "test", Instant.parse(from), Currency.getInstance("GBP"),
                RoundingMode.HALF_UP, 2, List.of(TariffComponent.perEvent("IM_SENT", price, Set.of(Direction.SENT), Set.of(Channel.SMS))));
    }

    @Test
    void the_seed_plans_are_the_five_shipped_plans() {
        TariffCatalog catalog = new TariffCatalog(PlanDefinitions.seeds());
        assertThat(catalog.planIds()).containsExactly("BOUYGUES_FR", "O2_DE", "ORANGE_FR_CHAT", "ORANGE_UK", "VODAFONE_UK");
        TariffPlanVersion o2 = catalog.inForce("O2_DE", Instant.parse("2026-11-01T00:00:00Z")).orElseThrow();
        assertThat(o2.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(o2.components()).extracting(TariffComponent::type).containsExactly(ComponentType.DAILY_FEE, ComponentType.VOLUME);
        assertThat(o2.components().get(1).blockBytes()).isEqualTo(10_240);
    }

    @Test
    void the_version_in_force_is_the_latest_activation_and_a_correction_wins_a_tie() {
        TariffCatalog catalog = new TariffCatalog(List.of(
                vodafone(1, "2026-01-01T00:00:00Z", "0.12"),
                vodafone(2, "2026-11-15T00:00:00Z", "0.15"),
                vodafone(3, "2026-11-15T00:00:00Z", "0.14")));
        assertThat(catalog.inForce("VODAFONE_UK", Instant.parse("2025-12-31T23:59:59Z"))).isEmpty();
        assertThat(catalog.inForce("VODAFONE_UK", Instant.parse("2026-11-14T23:59:59Z")).orElseThrow().version()).isEqualTo(1);
        assertThat(catalog.inForce("VODAFONE_UK", Instant.parse("2026-11-15T00:00:00Z")).orElseThrow().version()).isEqualTo(3);
        assertThat(catalog.inForce("NOPE", Instant.parse("2026-11-15T00:00:00Z"))).isEmpty();
    }

    @Test
    void invalid_definitions_are_refused_with_the_reason() {
        String json = """
                [{"planId":"BAD","version":1,"name":"x","activeFrom":"2026-01-01T00:00:00Z","currency":"EUR",
                  "rounding":"HALF_UP","decimals":2,
                  "components":[{"id":"VOL","type":"VOLUME","price":"0.05"}]}]""";
        assertThatThrownBy(() -> PlanDefinitions.read(json.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("blockBytes > 0 exactly for VOLUME");
        assertThatThrownBy(() -> new TariffComponent("SMS", ComponentType.SMS_PASS_THROUGH, Set.of(Direction.SENT),
                Set.of(Channel.CLIENT), new java.math.BigDecimal("0.10"), 0, 0))
                .hasMessageContaining("SMS channel only");
    }
}
