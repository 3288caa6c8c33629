package org.premiumflow.engine;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** How the engine reads and writes variable values: decimals keep every digit, never a binary double. */
public final class EngineJson {

    private EngineJson() {
    }

    public static JsonMapper mapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }
}
