package org.premiumflow.recovery;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.premiumflow.calendar.ExchangeClock;
import org.premiumflow.member.Enrollment;
import org.premiumflow.member.Enrollments;
import org.premiumflow.notification.NoticeRequest;
import org.premiumflow.notification.NoticeTemplate;
import org.premiumflow.notification.Notices;
import org.premiumflow.workflow.WorkflowMessage;
import org.premiumflow.workflow.WorkflowMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a caseworker's decision on a hardship waiver or appeal does: it is recorded on the request
 * once (a repeated job finds it decided and changes nothing), the member is told by one notice per
 * request, and a decided appeal is announced to a termination held for it.
 */
@Service
public class RequestDecisions {

    private static final Logger log = LoggerFactory.getLogger(RequestDecisions.class);
    static final String APPEAL_DECIDED = "appeal-decided";
    /** A held termination reaches its wait for the decision soon after its look-up; the message waits for it meanwhile. */
    private static final Duration DECISION_MESSAGE_KEPT = Duration.ofDays(45);
    private static final DateTimeFormatter PLAIN_MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.US);

    private final DelinquencyRequests requests;
    private final Delinquencies delinquencies;
    private final Notices notices;
    private final WorkflowMessages messages;
    private final Enrollments enrollments;
    private final Clock clock;

    RequestDecisions(DelinquencyRequests requests, Delinquencies delinquencies, Notices notices, WorkflowMessages messages,
                     Enrollments enrollments, Clock clock) {
        this.requests = requests;
        this.enrollments = enrollments;
        this.delinquencies = delinquencies;
        this.notices = notices;
        this.messages = messages;
        this.clock = clock;
    }

    /** What the caseworker's form shows: the member's reason, the months unpaid today and their total. */
    @Transactional(readOnly = true)
    public CaseSummary summary(long requestId) {
        DelinquencyRequest request = request(requestId);
        Delinquency delinquency = delinquencies.on(request.enrollmentId(), LocalDate.now(clock));
        String months = String.join("\n", delinquency.unpaidMonths().stream()
                .map(month -> "- " + month.month().format(PLAIN_MONTH) + ": $" + month.amount().toPlainString()).toList());
        return new CaseSummary(request.reason(), months.isEmpty() ? "- none" : months, "$" + delinquency.totalDue().toPlainString());
    }

    public record CaseSummary(String reason, String unpaidMonths, String totalDue) {
    }

    /**
     * Records the decision unless one stands already (the first stands), then tells the member the
     * decision that stands.
     *
     * @param granted approved (waiver) or upheld (appeal)
     */
    @Transactional
    public DelinquencyRequest decide(long requestId, boolean granted, String decidedBy, String note) {
        DelinquencyRequest request = request(requestId);
        String status = granted ? request.kind().grantedStatus() : DelinquencyRequest.DENIED;
        if (requests.decide(requestId, status, decidedBy, note, clock.instant())) {
            log.info("{} {} of enrollment {} {} by {}", request.kind(), requestId, request.enrollmentId(), status, decidedBy);
        }
        DelinquencyRequest decided = request(requestId);
        if (decided.kind() == RequestKind.APPEAL) {
            messages.send(new WorkflowMessage(APPEAL_DECIDED, "appeal-" + requestId, APPEAL_DECIDED + ":" + requestId,
                    DECISION_MESSAGE_KEPT, Map.of("appealStatus", decided.status())));
        }
        NoticeTemplate template = decided.kind() == RequestKind.APPEAL ? NoticeTemplate.APPEAL_DECISION
                : NoticeTemplate.HARDSHIP_WAIVER_DECISION;
        String reference = decided.kind().plainName().replace(' ', '-') + "-" + requestId + "-decision";
        Map<String, Object> variables = new HashMap<>(Map.of(
                "filedDate", LocalDate.ofInstant(decided.filedAt(), ExchangeClock.EXCHANGE_ZONE).toString(),
                "decision", decided.status().toLowerCase(Locale.ROOT),
                "decisionNote", decided.decisionNote().orElse("")));
        if (decided.kind() == RequestKind.APPEAL) {
            variables.putAll(terminated(decided.enrollmentId()));
        }
        notices.send(new NoticeRequest(decided.memberId(), template, reference, variables));
        return decided;
    }

    /**
     * An appeal decided after the termination notice cannot say coverage "continues" or "will end":
     * it ended on a known day, and the member may still be reinstated until another.
     */
    private Map<String, Object> terminated(long enrollmentId) {
        Enrollment enrollment = enrollments.findById(enrollmentId).orElseThrow();
        if (enrollment.coverageEnd().isEmpty() || enrollment.reinstateBy().isEmpty()) {
            return Map.of();
        }
        return Map.of("coverageEndDate", enrollment.coverageEnd().get().toString(),
                "reinstateByDate", enrollment.reinstateBy().get().toString());
    }

    private DelinquencyRequest request(long requestId) {
        return requests.byId(requestId).orElseThrow(() -> new IllegalArgumentException("no hardship waiver request or appeal " + requestId));
    }
}
