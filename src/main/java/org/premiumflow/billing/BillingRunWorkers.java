package org.premiumflow.billing;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.YearMonth;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The billing run process's tasks: is a month due, and the next batch of it. */
@Component
public class BillingRunWorkers {

    private final BillingRun run;

    BillingRunWorkers(BillingRun run) {
        this.run = run;
    }

    @JobWorker(type = "plan-billing-run")
    public Map<String, Object> plan() {
        return run.due().<Map<String, Object>>map(month -> Map.of("runDue", true, "coverageMonth", month.toString()))
                .orElseGet(() -> Map.of("runDue", false));
    }

    @JobWorker(type = "bill-next-batch")
    public Map<String, Object> nextBatch(@Variable String coverageMonth) {
        BillingRunProgress progress = run.nextBatch(YearMonth.parse(coverageMonth));
        return Map.of("billed", progress.done(), "toBill", progress.toDo(), "runFinished", progress.finished());
    }
}
