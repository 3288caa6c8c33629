package org.premiumflow.workflow;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the process models, decision tables and forms are found.
 *
 * @param locations resource patterns; the defaults are the top-level {@code bpmn/}, {@code dmn/}
 *     and {@code forms/} folders, which the build copies onto the classpath
 */
@ConfigurationProperties("premiumflow.models")
public record ModelProperties(
        @DefaultValue({"classpath*:bpmn/**/*.bpmn", "classpath*:dmn/**/*.dmn", "classpath*:forms/**/*.form"})
        List<String> locations) {
}
