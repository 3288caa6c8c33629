package org.premiumflow.engine.decision;

import java.util.List;
import org.camunda.dmn.parser.ParsedDmn;

/** A deployed DMN file: its requirements graph id and name, its decisions, and the parsed model. */
public record DecisionRequirements(String id, String name, List<DecisionInfo> decisions, ParsedDmn parsed) {

    public record DecisionInfo(String id, String name) {
    }
}
