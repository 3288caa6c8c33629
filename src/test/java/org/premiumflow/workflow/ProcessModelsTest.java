package org.premiumflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class ProcessModelsTest {

    @Test
    void findsEveryModelKindInAStableOrder() {
        ProcessModels models = new ProcessModels(new PathMatchingResourcePatternResolver(), new ModelProperties(List.of(
                "classpath*:model-fixtures/**/*.bpmn",
                "classpath*:model-fixtures/**/*.dmn",
                "classpath*:model-fixtures/**/*.form")));

        assertThat(models.find()).extracting(Resource::getFilename)
                .containsExactly("a-decision.dmn", "b-review.form", "c-process.bpmn");
    }

    @Test
    void noModelsIsAnEmptyListNotAnError() {
        ProcessModels models = new ProcessModels(new PathMatchingResourcePatternResolver(),
                new ModelProperties(List.of("classpath*:no-such-folder/**/*.bpmn")));

        assertThat(models.find()).isEmpty();
    }
}
