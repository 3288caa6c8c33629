package org.premiumflow.workflow;

/**
 * The shipped models are deployed to the cluster. Until then a message could reach no process:
 * a start message published before its process is deployed starts nothing, in Camunda as here.
 */
public record ModelsDeployed() {
}
