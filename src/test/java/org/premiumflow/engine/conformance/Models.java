package org.premiumflow.engine.conformance;

/** Small models the conformance suite deploys. */
final class Models {

    private Models() {
    }

    /** A decision table: amount due over the threshold → "retry", otherwise "waive". */
    static String decision(String decisionId) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="%1$s-drg" name="%1$s requirements"
                             namespace="http://premiumflow.test">
                  <decision id="%1$s" name="Decide %1$s">
                    <decisionTable id="%1$s-table" hitPolicy="FIRST">
                      <input id="amount-input" label="Amount due">
                        <inputExpression id="amount-expression" typeRef="number"><text>amountDue</text></inputExpression>
                      </input>
                      <output id="action-output" name="action" typeRef="string"/>
                      <rule id="over">
                        <inputEntry id="over-in"><text>&gt; 10</text></inputEntry>
                        <outputEntry id="over-out"><text>"retry"</text></outputEntry>
                      </rule>
                      <rule id="under">
                        <inputEntry id="under-in"><text>-</text></inputEntry>
                        <outputEntry id="under-out"><text>"waive"</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(decisionId);
    }
}
