package org.premiumflow.engine;

import java.time.Duration;
import javax.sql.DataSource;
import org.camunda.dmn.DmnEngine;
import org.premiumflow.engine.decision.DecisionEvaluator;
import org.premiumflow.engine.decision.DecisionModels;
import org.premiumflow.engine.deployment.DeployedModels;
import org.premiumflow.engine.deployment.DeploymentService;
import org.premiumflow.engine.expression.ExpressionLanguage;
import org.premiumflow.engine.model.BpmnTransformer;
import org.premiumflow.engine.runtime.Commands;
import org.premiumflow.engine.runtime.Decisions;
import org.premiumflow.engine.runtime.Incidents;
import org.premiumflow.engine.runtime.JobAvailability;
import org.premiumflow.engine.runtime.Messages;
import org.premiumflow.engine.runtime.PeriodicTask;
import org.premiumflow.engine.runtime.StartEvents;
import org.premiumflow.engine.runtime.Timers;
import org.premiumflow.engine.runtime.UserTasks;
import org.premiumflow.engine.search.EngineSearches;
import org.premiumflow.engine.runtime.Jobs;
import org.premiumflow.engine.runtime.ProcessInstances;
import org.premiumflow.engine.runtime.RuntimeStore;
import org.premiumflow.engine.runtime.SignalBroadcasts;
import org.premiumflow.engine.runtime.Wakeups;
import org.premiumflow.engine.runtime.WaitingActivations;
import org.premiumflow.engine.store.EngineDatabase;
import org.premiumflow.engine.store.History;
import org.premiumflow.engine.store.Keys;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded engine's parts. It shares the application's database (in a schema of its own) and
 * nothing else.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEmbeddedEngine
class EngineConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EngineClock engineClock() {
        return EngineClock.system();
    }

    @Bean
    EngineDatabase engineDatabase(DataSource dataSource) {
        return EngineDatabase.open(dataSource);
    }

    @Bean
    ExpressionLanguage expressionLanguage(EngineClock clock) {
        return new ExpressionLanguage(clock);
    }

    @Bean
    DmnEngine dmnEngine(EngineClock clock) {
        return new DmnEngine.Builder()
                .clock(() -> clock.instant().atZone(java.time.ZoneOffset.UTC))
                .build();
    }

    @Bean
    BpmnTransformer bpmnTransformer(ExpressionLanguage expressions) {
        return new BpmnTransformer(expressions);
    }

    @Bean
    DecisionModels decisionModels(DmnEngine dmn) {
        return new DecisionModels(dmn);
    }

    @Bean
    DecisionEvaluator decisionEvaluator(DmnEngine dmn) {
        return new DecisionEvaluator(dmn);
    }

    @Bean
    Keys engineKeys(EngineDatabase database) {
        return new Keys(database.jdbc());
    }

    @Bean
    History engineHistory(EngineDatabase database, EngineClock clock) {
        return new History(database.jdbc(), database.batch(), clock);
    }

    @Bean
    DeployedModels deployedModels(EngineDatabase database, BpmnTransformer bpmn, DecisionModels dmn) {
        return new DeployedModels(database.jdbc(), bpmn, dmn);
    }

    @Bean
    DeploymentService deploymentService(EngineDatabase database, Keys keys, History history, BpmnTransformer bpmn,
                                        DecisionModels dmn, DeployedModels models, EngineClock clock, StartEvents startEvents) {
        return new DeploymentService(database, keys, history, bpmn, dmn, models, clock, startEvents);
    }

    @Bean
    StartEvents startEvents(RuntimeStore store, Keys keys, History history) {
        return new StartEvents(store, keys, history);
    }

    @Bean
    Timers timers(RuntimeStore store, Commands commands) {
        return new Timers(store, commands);
    }

    @Bean
    Messages messages(EngineDatabase database, RuntimeStore store, Keys keys, History history, Commands commands,
                      DeployedModels models) {
        return new Messages(database, store, keys, history, commands, models);
    }

    @Bean
    PeriodicTask messageExpiry(Messages messages) {
        return new PeriodicTask("engine-message-expiry", Duration.ofSeconds(1), messages::deleteExpired);
    }

    @Bean
    SignalBroadcasts signalBroadcasts(RuntimeStore store, Keys keys, History history, Commands commands, DeployedModels models) {
        return new SignalBroadcasts(store, keys, history, commands, models);
    }

    @Bean
    EngineSearches engineSearches(EngineDatabase database) {
        return new EngineSearches(database);
    }

    @Bean
    UserTasks userTasks(RuntimeStore store, Commands commands) {
        return new UserTasks(store, commands);
    }

    @Bean
    PeriodicTask timerTrigger(Timers timers) {
        return new PeriodicTask("engine-timers", Duration.ofMillis(100), timers::fireDue);
    }

    @Bean
    RuntimeStore runtimeStore(EngineDatabase database, EngineClock clock) {
        return new RuntimeStore(database, clock);
    }

    @Bean
    JobAvailability jobAvailability() {
        return new JobAvailability();
    }

    @Bean
    Wakeups<Long> processEnds() {
        return new Wakeups<>();
    }

    @Bean
    Commands engineCommands(EngineDatabase database, RuntimeStore store, Keys keys, History history, DeployedModels models,
                            DecisionEvaluator decisions, JobAvailability jobAvailability, Wakeups<Long> processEnds) {
        return new Commands(database, store, keys, history, models, decisions, jobAvailability, processEnds);
    }

    @Bean
    ProcessInstances processInstances(Commands commands, RuntimeStore store, DeployedModels models,
                                      Wakeups<Long> processEnds) {
        return new ProcessInstances(commands, store, models, processEnds);
    }

    @Bean
    Jobs jobs(EngineDatabase database, RuntimeStore store, History history, Commands commands, JobAvailability jobAvailability) {
        return new Jobs(database, store, history, commands, jobAvailability);
    }

    @Bean
    WaitingActivations waitingActivations(Jobs jobs, JobAvailability jobAvailability) {
        return new WaitingActivations(jobs, jobAvailability);
    }

    @Bean
    PeriodicTask jobSweeper(Jobs jobs) {
        return new PeriodicTask("engine-job-sweeper", Duration.ofMillis(100), jobs::sweep);
    }

    @Bean
    Incidents incidents(EngineDatabase database, RuntimeStore store, Commands commands) {
        return new Incidents(database, store, commands);
    }

    @Bean
    Decisions decisions(DeployedModels models, DecisionEvaluator evaluator, Keys keys) {
        return new Decisions(models, evaluator, keys);
    }
}
