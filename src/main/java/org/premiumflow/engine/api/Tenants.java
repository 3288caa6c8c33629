package org.premiumflow.engine.api;

/** The engine is single-tenant: everything belongs to the default tenant unless a request names one. */
final class Tenants {

    static final String DEFAULT = "<default>";

    private Tenants() {
    }

    static String orDefault(String tenantId) {
        return tenantId == null || tenantId.isBlank() ? DEFAULT : tenantId;
    }
}
