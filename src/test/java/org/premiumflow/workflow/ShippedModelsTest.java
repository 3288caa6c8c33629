package org.premiumflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.dc.Bounds;
import io.camunda.zeebe.model.bpmn.instance.di.Waypoint;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every shipped process model is valid for Camunda 8, opens in Camunda Modeler with its diagram
 * (a shape for every element, an edge for every flow), names every element for the analysts, and
 * links only forms that are shipped too.
 */
class ShippedModelsTest {

    static Stream<Path> processModels() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("processModels")
    void isValidDrawnAndNamed(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Bpmn.validateModel(model);

        Set<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
                .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> drawnFlows = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(edge -> edge.getBpmnElement().getId()).collect(Collectors.toSet());
        assertThat(model.getModelElementsByType(FlowNode.class)).allSatisfy(node -> {
            assertThat(drawn).as("shape of %s", node.getId()).contains(node.getId());
            assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
        });
        assertThat(model.getModelElementsByType(SequenceFlow.class))
                .allSatisfy(flow -> assertThat(drawnFlows).as("edge of %s", flow.getId()).contains(flow.getId()));
    }

    @ParameterizedTest
    @MethodSource("processModels")
    void everyFlowIsDrawnFromItsSourceShapeToItsTargetShape(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Map<String, Bounds> bounds = model.getModelElementsByType(BpmnShape.class).stream()
                .collect(Collectors.toMap(shape -> shape.getBpmnElement().getId(), BpmnShape::getBounds));

        assertThat(model.getModelElementsByType(BpmnEdge.class)).allSatisfy(edge -> {
            SequenceFlow flow = (SequenceFlow) edge.getBpmnElement();
            List<Waypoint> points = List.copyOf(edge.getWaypoints());
            assertThat(touches(bounds.get(flow.getSource().getId()), points.get(0)))
                    .as("%s starts on %s", flow.getId(), flow.getSource().getId()).isTrue();
            assertThat(touches(bounds.get(flow.getTarget().getId()), points.get(points.size() - 1)))
                    .as("%s ends on %s", flow.getId(), flow.getTarget().getId()).isTrue();
        });
    }

    /** Whether the point lies on the shape's outline (or inside it), give or take a few pixels. */
    private static boolean touches(Bounds shape, Waypoint point) {
        double slack = 3;
        return point.getX() >= shape.getX() - slack && point.getX() <= shape.getX() + shape.getWidth() + slack
                && point.getY() >= shape.getY() - slack && point.getY() <= shape.getY() + shape.getHeight() + slack;
    }

    @ParameterizedTest
    @MethodSource("processModels")
    void linksOnlyShippedForms(Path file) throws IOException {
        Set<String> shippedForms = shippedFormIds();
        List<String> linked = Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class).stream()
                .map(task -> task.getSingleExtensionElement(ZeebeFormDefinition.class))
                .filter(form -> form != null && form.getFormId() != null)
                .map(ZeebeFormDefinition::getFormId)
                .toList();
        assertThat(shippedForms).containsAll(linked);
    }

    private static Set<String> shippedFormIds() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            return files.filter(file -> file.toString().endsWith(".form"))
                    .map(file -> json.readTree(file.toFile()))
                    .peek(form -> assertThat(form.get("components")).as("components of " + form.get("id")).isNotEmpty())
                    .map(form -> form.get("id").asText())
                    .collect(Collectors.toSet());
        }
    }
}
