package org.premiumflow.engine.deployment;

/** Told, inside the deployment's transaction, that a new version of a process has been stored. */
public interface NewProcessVersions {

    void deployed(DeployedModels.ProcessVersion version);
}
