package org.premiumflow.engine.deployment;

import java.util.List;
import org.premiumflow.engine.model.InvalidModelException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the id of a Camunda Form (.form, JSON), which user tasks link to. */
final class FormReader {

    private final JsonMapper json;

    FormReader(JsonMapper json) {
        this.json = json;
    }

    String formId(String resourceName, byte[] content) {
        JsonNode form;
        try {
            form = json.readTree(content);
        } catch (JacksonException e) {
            throw new InvalidModelException(resourceName, List.of("not a valid form: " + e.getOriginalMessage()));
        }
        JsonNode id = form.get("id");
        if (id == null || !id.isString() || id.asString().isBlank()) {
            throw new InvalidModelException(resourceName, List.of("a form must have a non-empty string 'id'"));
        }
        return id.asString();
    }
}
