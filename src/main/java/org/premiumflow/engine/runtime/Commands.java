package org.premiumflow.engine.runtime;

import java.util.function.Function;
import org.premiumflow.engine.NotFoundException;
import org.premiumflow.engine.decision.DecisionEvaluator;
import org.premiumflow.engine.deployment.DeployedModels;
import org.premiumflow.engine.store.EngineDatabase;
import org.premiumflow.engine.store.History;
import org.premiumflow.engine.store.Keys;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each command in one transaction: lock the instance tree, apply the command, run the BPMN
 * semantics until every token waits, commit. An exception rolls the whole command back; a
 * problem in the model becomes an incident inside a successful command. Waiting workers and
 * callers are signalled only after the commit.
 */
public final class Commands {

    private final TransactionTemplate transactions;
    private final RuntimeStore store;
    private final Keys keys;
    private final History history;
    private final DeployedModels models;
    private final Behaviors behaviors;
    private final JobAvailability jobAvailability;
    private final Wakeups<Long> processEnds;

    public Commands(EngineDatabase database, RuntimeStore store, Keys keys, History history, DeployedModels models,
                    DecisionEvaluator decisions, JobAvailability jobAvailability, Wakeups<Long> processEnds) {
        this.transactions = database.transactions();
        this.store = store;
        this.keys = keys;
        this.history = history;
        this.models = models;
        this.behaviors = new Behaviors(decisions);
        this.jobAvailability = jobAvailability;
        this.processEnds = processEnds;
    }

    /** A command that starts a new instance tree: nothing to lock yet. */
    public <T> T onNewInstance(Function<Execution, T> command) {
        return transactions.execute(status -> run(command));
    }

    /** A command on an existing instance: its tree is locked for the whole transaction. */
    public <T> T onInstance(long processInstanceKey, String notFound, Function<Execution, T> command) {
        return transactions.execute(status -> {
            store.lockRoot(processInstanceKey).orElseThrow(() -> new NotFoundException(notFound));
            return run(command);
        });
    }

    /** A command on a job: the tree of the job's instance is locked for the whole transaction. */
    public <T> T onJob(long jobKey, String notFound, Function<Execution, T> command) {
        return transactions.execute(status -> {
            store.lockRootOfJob(jobKey).orElseThrow(() -> new NotFoundException(notFound));
            return run(command);
        });
    }

    private <T> T run(Function<Execution, T> command) {
        Execution execution = new Execution(store, keys, history, models, behaviors);
        T result = command.apply(execution);
        execution.run();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                execution.newJobTypes().forEach(jobAvailability::announce);
                execution.endedProcessInstances().forEach(processEnds::wake);
            }
        });
        return result;
    }
}
