package io.mobim.clearing.agreement;

import io.mobim.events.EventJson;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agreement terms to and from JSON. Reading is strict: a field the terms do not have is refused, so that a misspelt
 * term is an error rather than a default silently applied.
 */
public final class AgreementJson {

    private static final JsonMapper STRICT = EventJson.mapper().rebuild()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private AgreementJson() {
    }

    /** The terms in {@code json}, checked; a {@code JacksonException} names what is wrong. */
    public static AgreementTerms read(byte[] json) {
        return STRICT.readValue(json, AgreementTerms.class);
    }

    /** {@code json} as a {@code type}, as strictly as terms (an unknown field is refused). */
    public static <T> T read(byte[] json, Class<T> type) {
        return STRICT.readValue(json, type);
    }

    public static String write(AgreementTerms terms) {
        return STRICT.writeValueAsString(terms);
    }

    static AgreementTerms read(String json) {
        return STRICT.readValue(json, AgreementTerms.class);
    }
}
