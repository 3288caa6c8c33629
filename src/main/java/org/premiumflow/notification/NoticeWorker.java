package org.premiumflow.notification;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Sends the notice a {@code send-notice} task asks for. The task's {@code template} header names the
 * notice; the variables {@code memberId} and {@code noticeReference} say to whom and for what, so a
 * retried or repeated task sends nothing twice on one channel; the other variables fill the template.
 */
@Component
public class NoticeWorker {

    static final String JOB_TYPE = "send-notice";

    private final Notices notices;

    NoticeWorker(Notices notices) {
        this.notices = notices;
    }

    /**
     * Returns {@code noticeStatus}: {@code SENT} if the notice reached the member on at least one
     * channel, {@code NO_ADDRESS} if on none, so that a model can write to a member it could not reach.
     */
    @JobWorker(type = JOB_TYPE, fetchAllVariables = true)
    public Map<String, Object> send(ActivatedJob job) {
        try {
            NoticeTemplate template = NoticeTemplate.named(job.getCustomHeaders().get("template"));
            Map<String, Object> model = new HashMap<>(job.getVariablesAsMap());
            Object memberId = model.remove("memberId");
            Object reference = model.remove("noticeReference");
            if (memberId == null || reference == null) {
                throw new IllegalArgumentException("Notice " + template + " needs the variables 'memberId' and 'noticeReference'");
            }
            NoticeDelivery delivery = notices.send(new NoticeRequest(memberId.toString(), template, reference.toString(), model));
            return Map.of("noticeStatus", delivery.status().name());
        } catch (IllegalArgumentException e) {
            // A request that is wrong stays wrong however often it is retried: no retries, an incident at once.
            throw CamundaError.jobError(e.getMessage(), null, 0, (Duration) null, e);
        }
    }
}
