package org.premiumflow.engine.api;

import io.camunda.client.protocol.rest.ActivatedJobResult;
import io.camunda.client.protocol.rest.JobActivationResult;
import io.camunda.client.protocol.rest.JobKindEnum;
import io.camunda.client.protocol.rest.JobListenerEventTypeEnum;
import java.time.Duration;
import java.util.List;
import org.premiumflow.engine.ConditionalOnEmbeddedEngine;
import org.premiumflow.engine.runtime.ActivatedJob;
import org.premiumflow.engine.runtime.Jobs;
import org.premiumflow.engine.runtime.WaitingActivations;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

@RestController
@ConditionalOnEmbeddedEngine
class JobController {

    /** How long an activation long-polls when the request names no timeout. */
    private static final Duration DEFAULT_LONG_POLL = Duration.ofSeconds(10);

    private static final Duration ANSWER_GRACE = Duration.ofSeconds(10);

    private final Jobs jobs;
    private final WaitingActivations waitingActivations;

    JobController(Jobs jobs, WaitingActivations waitingActivations) {
        this.jobs = jobs;
        this.waitingActivations = waitingActivations;
    }

    /**
     * Answered asynchronously: a request that finds no job waits in {@link WaitingActivations}
     * without holding a server thread, and is withdrawn when its caller disconnects.
     */
    @PostMapping("/v2/jobs/activation")
    DeferredResult<JobActivationResult> activate(@RequestBody String body) {
        JsonBody request = JsonBody.read(body);
        Long timeout = request.number("timeout");
        Long requestTimeout = request.number("requestTimeout");
        Integer max = request.integer("maxJobsToActivate");
        Duration longPoll = requestTimeout == null || requestTimeout == 0
                ? DEFAULT_LONG_POLL : Duration.ofMillis(Math.max(0, requestTimeout));
        // The container's own limit only guards against a lost answer; the engine answers at longPoll.
        DeferredResult<JobActivationResult> response = new DeferredResult<>(longPoll.plus(ANSWER_GRACE).toMillis(),
                () -> new JobActivationResult().jobs(List.of()));
        WaitingActivations.Waiting waiting = waitingActivations.open(new Jobs.Activation(
                request.text("type"),
                request.text("worker") == null ? "default" : request.text("worker"),
                timeout == null ? null : Duration.ofMillis(timeout),
                max == null ? 0 : max,
                request.strings("fetchVariable"),
                longPoll),
                jobs -> response.setResult(new JobActivationResult().jobs(jobs.stream().map(JobController::result).toList())));
        response.onError(error -> waiting.cancel());
        response.onTimeout(waiting::cancel);
        response.onCompletion(waiting::cancel);
        return response;
    }

    private static ActivatedJobResult result(ActivatedJob activated) {
        return new ActivatedJobResult()
                .jobKey(Keys.text(activated.job().key()))
                .type(activated.job().type())
                .processInstanceKey(Keys.text(activated.job().processInstanceKey()))
                .rootProcessInstanceKey(Keys.text(activated.rootProcessInstanceKey()))
                .processDefinitionKey(Keys.text(activated.job().processDefinitionKey()))
                .processDefinitionId(activated.job().bpmnProcessId())
                .processDefinitionVersion(activated.job().version())
                .elementId(activated.job().elementId())
                .elementInstanceKey(Keys.text(activated.job().elementInstanceKey()))
                .customHeaders(activated.customHeaders())
                .worker(activated.worker())
                .retries(activated.job().retries())
                .deadline(activated.deadline().toInstant().toEpochMilli())
                .variables(activated.variables())
                .tenantId(activated.job().tenantId())
                .kind(JobKindEnum.BPMN_ELEMENT)
                .listenerEventType(JobListenerEventTypeEnum.UNSPECIFIED);
    }

    @PostMapping("/v2/jobs/{key}/completion")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void complete(@PathVariable String key, @RequestBody(required = false) String body) {
        jobs.complete(Keys.parse("jobKey", key), JsonBody.read(body).object("variables"));
    }

    @PostMapping("/v2/jobs/{key}/failure")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void fail(@PathVariable String key, @RequestBody(required = false) String body) {
        JsonBody request = JsonBody.read(body);
        Integer retries = request.integer("retries");
        Long backOff = request.number("retryBackOff");
        jobs.fail(Keys.parse("jobKey", key), retries == null ? 0 : retries, request.text("errorMessage"),
                backOff == null ? Duration.ZERO : Duration.ofMillis(backOff), request.object("variables"));
    }

    @PostMapping("/v2/jobs/{key}/error")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void error(@PathVariable String key, @RequestBody String body) {
        JsonBody request = JsonBody.read(body);
        jobs.throwError(Keys.parse("jobKey", key), request.text("errorCode"), request.text("errorMessage"),
                request.object("variables"));
    }

    @PatchMapping("/v2/jobs/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void update(@PathVariable String key, @RequestBody String body) {
        JsonBody changeset = JsonBody.read(body).nested("changeset");
        Long timeout = changeset.number("timeout");
        jobs.update(Keys.parse("jobKey", key), changeset.integer("retries"), timeout == null ? null : Duration.ofMillis(timeout));
    }
}
