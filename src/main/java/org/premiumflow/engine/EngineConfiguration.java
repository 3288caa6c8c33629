package org.premiumflow.engine;

import javax.sql.DataSource;
import org.camunda.dmn.DmnEngine;
import org.premiumflow.engine.decision.DecisionEvaluator;
import org.premiumflow.engine.decision.DecisionModels;
import org.premiumflow.engine.deployment.DeployedModels;
import org.premiumflow.engine.deployment.DeploymentService;
import org.premiumflow.engine.expression.ExpressionLanguage;
import org.premiumflow.engine.model.BpmnTransformer;
import org.premiumflow.engine.store.EngineDatabase;
import org.premiumflow.engine.store.History;
import org.premiumflow.engine.store.Keys;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The embedded engine's parts. It shares the application's database (in a schema of its own) and
 * transaction manager, and nothing else.
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
    EngineDatabase engineDatabase(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return EngineDatabase.open(dataSource, transactionManager);
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
        return new History(database.jdbc(), clock);
    }

    @Bean
    DeployedModels deployedModels(EngineDatabase database, BpmnTransformer bpmn, DecisionModels dmn) {
        return new DeployedModels(database.jdbc(), bpmn, dmn);
    }

    @Bean
    DeploymentService deploymentService(EngineDatabase database, Keys keys, History history, BpmnTransformer bpmn,
                                        DecisionModels dmn, DeployedModels models, EngineClock clock) {
        return new DeploymentService(database, keys, history, bpmn, dmn, models, clock);
    }
}
