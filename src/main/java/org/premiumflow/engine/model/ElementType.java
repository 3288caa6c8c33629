package org.premiumflow.engine.model;

/** The BPMN element kinds the engine executes, named as the Camunda API names them. */
public enum ElementType {
    PROCESS,
    SUB_PROCESS,
    EVENT_SUB_PROCESS,
    CALL_ACTIVITY,
    START_EVENT,
    END_EVENT,
    BOUNDARY_EVENT,
    INTERMEDIATE_CATCH_EVENT,
    INTERMEDIATE_THROW_EVENT,
    SERVICE_TASK,
    SEND_TASK,
    SCRIPT_TASK,
    BUSINESS_RULE_TASK,
    RECEIVE_TASK,
    USER_TASK,
    EXCLUSIVE_GATEWAY,
    PARALLEL_GATEWAY,
    EVENT_BASED_GATEWAY,
    INCLUSIVE_GATEWAY;

    /** Elements that contain a flow of their own and complete when it has ended. */
    public boolean isContainer() {
        return this == PROCESS || this == SUB_PROCESS || this == EVENT_SUB_PROCESS;
    }
}
