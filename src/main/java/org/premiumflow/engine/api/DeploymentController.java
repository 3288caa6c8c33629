package org.premiumflow.engine.api;

import io.camunda.client.protocol.rest.DeploymentDecisionRequirementsResult;
import io.camunda.client.protocol.rest.DeploymentDecisionResult;
import io.camunda.client.protocol.rest.DeploymentFormResult;
import io.camunda.client.protocol.rest.DeploymentMetadataResult;
import io.camunda.client.protocol.rest.DeploymentProcessResult;
import io.camunda.client.protocol.rest.DeploymentResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.premiumflow.engine.ConditionalOnEmbeddedEngine;
import org.premiumflow.engine.deployment.Deployment;
import org.premiumflow.engine.deployment.DeploymentService;
import org.premiumflow.engine.deployment.ResourceUpload;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@ConditionalOnEmbeddedEngine
class DeploymentController {

    private final DeploymentService deployments;

    DeploymentController(DeploymentService deployments) {
        this.deployments = deployments;
    }

    @PostMapping(path = "/v2/deployments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    DeploymentResult deploy(@RequestPart("resources") List<MultipartFile> resources,
                            @RequestPart(name = "tenantId", required = false) String tenantId) {
        List<ResourceUpload> uploads = resources.stream()
                .map(file -> new ResourceUpload(file.getOriginalFilename(), bytes(file)))
                .toList();
        Deployment deployment = deployments.deploy(uploads, Tenants.orDefault(tenantId));
        return result(deployment);
    }

    private static DeploymentResult result(Deployment deployment) {
        List<DeploymentMetadataResult> metadata = new ArrayList<>();
        deployment.processes().forEach(process -> metadata.add(new DeploymentMetadataResult()
                .processDefinition(new DeploymentProcessResult()
                        .processDefinitionId(process.bpmnProcessId())
                        .processDefinitionVersion(process.version())
                        .resourceName(process.resourceName())
                        .tenantId(process.tenantId())
                        .processDefinitionKey(Keys.text(process.key())))));
        deployment.decisionRequirements().forEach(drg -> metadata.add(new DeploymentMetadataResult()
                .decisionRequirements(new DeploymentDecisionRequirementsResult()
                        .decisionRequirementsId(drg.id())
                        .decisionRequirementsName(drg.name())
                        .version(drg.version())
                        .resourceName(drg.resourceName())
                        .tenantId(drg.tenantId())
                        .decisionRequirementsKey(Keys.text(drg.key())))));
        deployment.decisions().forEach(decision -> metadata.add(new DeploymentMetadataResult()
                .decisionDefinition(new DeploymentDecisionResult()
                        .decisionDefinitionId(decision.id())
                        .name(decision.name())
                        .version(decision.version())
                        .tenantId(decision.tenantId())
                        .decisionRequirementsId(decision.decisionRequirementsId())
                        .decisionDefinitionKey(Keys.text(decision.key()))
                        .decisionRequirementsKey(Keys.text(decision.decisionRequirementsKey())))));
        deployment.forms().forEach(form -> metadata.add(new DeploymentMetadataResult()
                .form(new DeploymentFormResult()
                        .formId(form.formId())
                        .version(form.version())
                        .resourceName(form.resourceName())
                        .tenantId(form.tenantId())
                        .formKey(Keys.text(form.key())))));
        return new DeploymentResult()
                .deploymentKey(Keys.text(deployment.key()))
                .tenantId(deployment.tenantId())
                .deployments(metadata);
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
