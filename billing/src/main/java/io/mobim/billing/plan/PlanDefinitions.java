package io.mobim.billing.plan;

import io.mobim.events.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads tariff plan versions from their JSON form (the format of {@value #SEED_RESOURCE} and of the plan API).
 * Prices are decimal strings so that no binary floating point is involved.
 */
public final class PlanDefinitions {

    /** The real plans the platform ships with. */
    public static final String SEED_RESOURCE = "/io/mobim/billing/plan/seed-plans.json";

    /** Like the event mapper, but omitted numbers (blockBytes, includedUnits) default to 0. */
    private static final JsonMapper MAPPER = EventJson.mapper().rebuild()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private PlanDefinitions() {
    }

    /** The seed plans, validated. */
    public static List<TariffPlanVersion> seeds() {
        try (InputStream in = PlanDefinitions.class.getResourceAsStream(SEED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + SEED_RESOURCE);
            }
            return read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON form of plan versions (what {@link #read(byte[])} reads). */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** Parses one plan version (the body of the plan API). */
    public static TariffPlanVersion readOne(byte[] json) {
        return MAPPER.readValue(json, TariffPlanVersion.class);
    }

    /** Parses a JSON array of plan versions; an invalid definition throws with the reason. */
    public static List<TariffPlanVersion> read(byte[] json) {
        return MAPPER.readValue(json, new TypeReference<List<TariffPlanVersion>>() { });
    }
}
