package org.premiumflow.engine.decision;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDmn;
import org.premiumflow.engine.model.InvalidModelException;
import scala.util.Either;

/** Reads DMN files: the decision requirements graph, its decisions, and a parsed form ready to evaluate. */
public final class DecisionModels {

    private final DmnEngine dmn;

    public DecisionModels(DmnEngine dmn) {
        this.dmn = dmn;
    }

    public DecisionRequirements read(String resourceName, byte[] content) {
        Either<DmnEngine.Failure, ParsedDmn> parsed = dmn.parse(new ByteArrayInputStream(content));
        if (parsed.isLeft()) {
            throw new InvalidModelException(resourceName, List.of(parsed.left().get().message()));
        }
        DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
        Definitions definitions = model.getDefinitions();
        List<DecisionRequirements.DecisionInfo> decisions = model.getModelElementsByType(Decision.class).stream()
                .map(decision -> new DecisionRequirements.DecisionInfo(decision.getId(), decision.getName()))
                .toList();
        if (decisions.isEmpty()) {
            throw new InvalidModelException(resourceName, List.of("the file contains no decision"));
        }
        return new DecisionRequirements(definitions.getId(), definitions.getName(), decisions, parsed.right().get());
    }
}
