package org.premiumflow.workflow;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.premiumflow.startup.StartupProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Deploys every shipped model in one deployment once the application is ready: in embedded mode
 * the engine answers on this application's own port, which only listens from then on. Unchanged
 * files keep their version, so a restart deploys nothing new.
 */
@Component
class ModelDeployment {

    private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

    private final CamundaClient client;
    private final ProcessModels models;
    private final ApplicationEventPublisher events;
    private final Duration timeout;

    /**
     * @param timeout how long the deployment may take: the engine parses and checks every model in
     *                it, which on a busy machine takes longer than the client's default for a request
     */
    ModelDeployment(CamundaClient client, ProcessModels models, ApplicationEventPublisher events,
                    @Value("${premiumflow.models.deployment-timeout:PT2M}") Duration timeout) {
        this.client = client;
        this.models = models;
        this.events = events;
        this.timeout = timeout;
    }

    @EventListener(ApplicationReadyEvent.class)
    void deploy() {
        List<Resource> resources = models.find();
        if (resources.isEmpty()) {
            log.info("No process models, decision tables or forms to deploy");
            events.publishEvent(new ModelsDeployed());
            return;
        }
        try {
            DeploymentEvent deployment = command(resources).requestTimeout(timeout).execute();
            log.info("Deployed {} model(s) as deployment {}: processes {}, decisions {}, forms {}",
                    resources.size(), deployment.getKey(),
                    deployment.getProcesses().stream().map(p -> p.getBpmnProcessId() + " v" + p.getVersion()).toList(),
                    deployment.getDecisions().stream().map(d -> d.getDmnDecisionId() + " v" + d.getVersion()).toList(),
                    deployment.getForm().stream().map(f -> f.getFormId() + " v" + f.getVersion()).toList());
            events.publishEvent(new ModelsDeployed());
        } catch (RuntimeException e) {
            throw new StartupProblem(
                    "Could not deploy the process models to Camunda at " + client.getConfiguration().getRestAddress()
                            + ": " + e.getMessage(),
                    "check that the cluster is reachable (camunda.client.rest-address) and the models are valid.",
                    e);
        }
    }

    private DeployResourceCommandStep2 command(List<Resource> resources) {
        DeployResourceCommandStep2 command = null;
        for (Resource resource : resources) {
            byte[] content = read(resource);
            command = command == null
                    ? client.newDeployResourceCommand().addResourceBytes(content, resource.getFilename())
                    : command.addResourceBytes(content, resource.getFilename());
        }
        return command;
    }

    private static byte[] read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new StartupProblem("Cannot read the model " + resource.getDescription() + ": " + e.getMessage(),
                    "check the file in bpmn/, dmn/ or forms/.", e);
        }
    }
}
