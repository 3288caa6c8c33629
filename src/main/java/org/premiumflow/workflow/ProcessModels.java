package org.premiumflow.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/** The BPMN, DMN and form files the application ships, in a stable order. */
@Component
public class ProcessModels {

    private final ResourcePatternResolver resolver;
    private final ModelProperties properties;

    ProcessModels(ResourcePatternResolver resolver, ModelProperties properties) {
        this.resolver = resolver;
        this.properties = properties;
    }

    public List<Resource> find() {
        return properties.locations().stream()
                .flatMap(pattern -> Arrays.stream(resolve(pattern)))
                .filter(Resource::isReadable)
                .sorted(Comparator.comparing(resource -> Objects.requireNonNullElse(resource.getFilename(), "")))
                .toList();
    }

    private Resource[] resolve(String pattern) {
        try {
            return resolver.getResources(pattern);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list models at " + pattern, e);
        }
    }
}
