package org.premiumflow.engine.deployment;

/** One file of a deployment request, as uploaded. */
public record ResourceUpload(String name, byte[] content) {
}
