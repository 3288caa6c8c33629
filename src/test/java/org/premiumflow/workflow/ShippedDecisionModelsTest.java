package org.premiumflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.dmn.DmnEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.premiumflow.engine.decision.DecisionModels;
import org.premiumflow.engine.decision.DecisionRequirements;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every shipped decision model is valid DMN that the engine reads as deployment does, opens in
 * Camunda Modeler with its diagram (a shape for every decision), and names every decision, input and
 * output for the analysts.
 */
class ShippedDecisionModelsTest {

    static final String DMNDI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
    static final String DC = "http://www.omg.org/spec/DMN/20180521/DC/";

    static Stream<Path> decisionModels() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("dmn"))) {
            return files.filter(file -> file.toString().endsWith(".dmn")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("decisionModels")
    void isValidAndReadByTheEngine(Path file) throws IOException {
        DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
        Dmn.validateModel(model);

        DecisionRequirements read = new DecisionModels(new DmnEngine.Builder().build())
                .read(file.getFileName().toString(), Files.readAllBytes(file));

        assertThat(read.decisions()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("decisionModels")
    void drawsEveryDecision(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(file.toFile());
        List<String> drawn = new ArrayList<>();
        NodeList shapes = document.getElementsByTagNameNS(DMNDI, "DMNShape");
        for (int i = 0; i < shapes.getLength(); i++) {
            Element shape = (Element) shapes.item(i);
            assertThat(((Element) shape.getParentNode()).getLocalName()).isEqualTo("DMNDiagram");
            assertThat(shape.getElementsByTagNameNS(DC, "Bounds").getLength()).as("bounds of %s", shape.getAttribute("id")).isEqualTo(1);
            drawn.add(shape.getAttribute("dmnElementRef"));
        }

        assertThat(Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class))
                .allSatisfy(decision -> assertThat(drawn).as("shape of %s", decision.getId()).contains(decision.getId()));
    }

    @ParameterizedTest
    @MethodSource("decisionModels")
    void namesEveryDecisionInputAndOutput(Path file) {
        DmnModelInstance model = Dmn.readModelFromFile(file.toFile());

        assertThat(model.getModelElementsByType(Decision.class))
                .allSatisfy(decision -> assertThat(decision.getName()).as("name of %s", decision.getId()).isNotBlank());
        assertThat(model.getModelElementsByType(Input.class))
                .allSatisfy(input -> assertThat(input.getLabel()).as("label of input %s", input.getId()).isNotBlank());
        assertThat(model.getModelElementsByType(Output.class)).allSatisfy(output -> {
            assertThat(output.getName()).as("name of output %s", output.getId()).isNotBlank();
            assertThat(output.getLabel()).as("label of output %s", output.getId()).isNotBlank();
        });
    }
}
