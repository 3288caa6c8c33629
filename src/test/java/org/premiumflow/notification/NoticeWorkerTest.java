package org.premiumflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.premiumflow.embedded.mail.EmbeddedSmtpServer;
import org.premiumflow.embedded.mail.OutboxMessage;
import org.premiumflow.member.AlertChannels;
import org.premiumflow.member.AlertChoice;
import org.premiumflow.member.ContactPreference;
import org.premiumflow.member.ContactPreference.Alert;
import org.premiumflow.member.ContactPreference.Channel;
import org.premiumflow.member.ContactPreferences;
import org.premiumflow.member.Member;
import org.premiumflow.member.Members;
import org.premiumflow.notification.sms.sandbox.SandboxTextMessageGateway;
import org.premiumflow.notification.sms.sandbox.SandboxTextMessageGateway.ReceivedText;
import org.premiumflow.support.FreePort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A process model's send-notice task sends the notice its header names, through the application's own worker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "premiumflow.embedded.postgres.ephemeral=true")
class NoticeWorkerTest {

    static final int PORT = FreePort.find();

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    @Autowired
    CamundaClient client;
    @Autowired
    Members members;
    @Autowired
    EmbeddedSmtpServer smtp;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AlertChannels alertChannels;
    @Autowired
    ContactPreferences preferences;
    @Autowired
    SandboxTextMessageGateway texts;

    @BeforeEach
    void emptyOutbox() {
        smtp.clear();
    }

    @Test
    void theTaskSendsTheNoticeItsHeaderNamesAndTheProcessGoesOn() {
        Member member = member("M-WORKER-1", "rosa.diaz@example.org");
        deploy("autopay-set-up", "AUTOPAY_CONFIRMATION");

        ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId("autopay-set-up").latestVersion()
                .variables(Map.of("memberId", member.memberId(), "enrollmentId", "ENR-7", "last4", "6789",
                        "firstDraftDate", "2027-01-23", "coverageMonth", "2027-02"))
                .withResult().send().join();

        OutboxMessage mail = await().atMost(Duration.ofSeconds(10)).until(() -> smtp.messagesNewestFirst(), mails -> !mails.isEmpty()).get(0);
        assertThat(mail.to()).isEqualTo("rosa.diaz@example.org");
        assertThat(mail.subject()).isEqualTo("Your AutoPay is set up");
        assertThat(mail.text()).hasValueSatisfying(text -> assertThat(text)
                .contains("Checking account ending 6789", "January 23, 2027", "February 2027"));
        assertThat(result.getVariablesAsMap()).containsEntry("noticeStatus", "SENT");
        assertThat(jdbc.queryForObject("select business_reference from premiumflow.notice where member_id = ?", String.class,
                member.memberId())).isEqualTo("autopay-ENR-7");
    }

    @Test
    void aSecondInstanceForTheSameReferenceCompletesWithoutASecondMail() {
        Member member = member("M-WORKER-2", "ann.lee@example.org");
        deploy("autopay-set-up-twice", "autopay-confirmation");
        Map<String, Object> variables = Map.of("memberId", member.memberId(), "enrollmentId", "ENR-8", "last4", "1234",
                "firstDraftDate", "2027-02-23", "coverageMonth", "2027-03");

        for (int instance = 0; instance < 2; instance++) {
            ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId("autopay-set-up-twice").latestVersion()
                    .variables(variables).withResult().send().join();
            assertThat(result.getVariablesAsMap()).containsEntry("noticeStatus", "SENT");
        }

        assertThat(smtp.messagesNewestFirst()).hasSize(1);
    }

    @Test
    void aReminderGoesOnTheChannelsTheMemberChoseAndTheProcessHearsItWasSent() {
        Member member = member("M-WORKER-4", "eva.novak@example.org", "+1 617 555 0142");
        alertChannels.replace(member.memberId(), List.of(new AlertChoice(Alert.PAYMENT_REMINDER, EnumSet.of(Channel.SMS))));
        deploy("reminder", "PAYMENT_REMINDER");

        ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId("reminder").latestVersion()
                .variables(Map.of("memberId", member.memberId(), "enrollmentId", "INV-11", "last4", "6789",
                        "coverageMonth", "2027-02", "dueAmount", "211.25", "dueDate", "2027-01-23"))
                .withResult().send().join();

        assertThat(result.getVariablesAsMap()).containsEntry("noticeStatus", "SENT");
        assertThat(texts.sentTo("+16175550142")).singleElement().extracting(ReceivedText::body).asString()
                .startsWith("Health Connector reminder: Your February 2027 premium of $211.25 is due January 23, 2027.");
        assertThat(smtp.messagesNewestFirst()).isEmpty();
    }

    @Test
    void aRepeatedTaskSendsOnNeitherChannelTwice() {
        Member member = member("M-WORKER-5", "kim.tran@example.org", "+1 617 555 0143");
        alertChannels.replace(member.memberId(), List.of(new AlertChoice(Alert.BILL, EnumSet.of(Channel.EMAIL, Channel.SMS))));
        deploy("bill-twice", "PREMIUM_BILL");
        Map<String, Object> variables = Map.of("memberId", member.memberId(), "enrollmentId", "INV-12", "last4", "6789",
                "coverageMonth", "2027-02", "dueAmount", "211.25", "dueDate", "2027-01-23");

        for (int instance = 0; instance < 2; instance++) {
            ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId("bill-twice").latestVersion()
                    .variables(variables).withResult().send().join();
            assertThat(result.getVariablesAsMap()).containsEntry("noticeStatus", "SENT");
        }

        assertThat(smtp.messagesNewestFirst()).hasSize(1);
        assertThat(texts.sentTo("+16175550143")).hasSize(1);
    }

    @Test
    void aMemberReachedOnNoChosenChannelIsReportedToTheProcessAsNoAddress() {
        Member member = member("M-WORKER-6", "ola.berg@example.org", null);
        // Chosen while a phone number was on file; the number was removed since.
        preferences.save(new ContactPreference(member.memberId(), Alert.PAYMENT_FAILED, Channel.SMS));
        deploy("unpaid", "PREMIUM_UNPAID");

        ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId("unpaid").latestVersion()
                .variables(Map.of("memberId", member.memberId(), "enrollmentId", "INV-13", "last4", "6789",
                        "coverageMonth", "2027-02", "dueAmount", "211.25", "dueDate", "2027-01-23", "reason", "it was not paid"))
                .withResult().send().join();

        assertThat(result.getVariablesAsMap()).containsEntry("noticeStatus", "NO_ADDRESS");
        assertThat(jdbc.queryForList("select channel || ' ' || status from premiumflow.notice where member_id = ?", String.class,
                member.memberId())).containsExactly("SMS NO_ADDRESS");
        assertThat(smtp.messagesNewestFirst()).isEmpty();
    }

    @Test
    void anUnknownTemplateRaisesAnIncidentNamingItAtOnce() {
        Member member = member("M-WORKER-3", "li.wong@example.org");
        deploy("welcome", "WELCOME_PACK");

        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId("welcome").latestVersion()
                .variables(Map.of("memberId", member.memberId(), "enrollmentId", "ENR-9", "last4", "6789",
                        "firstDraftDate", "2027-01-23", "coverageMonth", "2027-02"))
                .send().join();

        Incident incident = await().atMost(Duration.ofSeconds(10))
                .until(() -> incidents(instance.getProcessInstanceKey()), found -> !found.isEmpty()).get(0);
        assertThat(incident.getErrorType()).as("no retries of a request that cannot succeed").isEqualTo(IncidentErrorType.JOB_NO_RETRIES);
        assertThat(incident.getErrorMessage()).contains("Unknown notice template 'WELCOME_PACK'; expected one of ");
        assertThat(smtp.messagesNewestFirst()).isEmpty();
    }

    @Test
    void aTaskWithoutItsVariablesRaisesAnIncidentNamingThem() {
        deploy("no-member", "AUTOPAY_CANCELLED");

        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId("no-member").latestVersion()
                .variables(Map.of("enrollmentId", "ENR-10", "last4", "6789")).send().join();

        Incident incident = await().atMost(Duration.ofSeconds(10))
                .until(() -> incidents(instance.getProcessInstanceKey()), found -> !found.isEmpty()).get(0);
        assertThat(incident.getErrorMessage()).contains("Notice AUTOPAY_CANCELLED needs the variables 'memberId' and 'noticeReference'");
    }

    @Test
    void unpaidMonthsAProcessHoldsAsAJsonArrayAreListedInTheWarning() {
        Member member = member("M-WORKER-7", "joy.park@example.org");
        deploy("past-due", "PAST_DUE_WARNING");

        ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId("past-due").latestVersion()
                .variables("""
                        {"memberId": "%s", "enrollmentId": "GRACE-1", "last4": "6789",
                         "unpaidMonths": [{"month": "2027-01", "amount": 211.25}, {"month": "2027-02", "amount": "198.40"}],
                         "totalDueAmount": 409.65, "payByDate": "2027-03-31"}""".formatted(member.memberId()))
                .withResult().send().join();

        assertThat(result.getVariablesAsMap()).containsEntry("noticeStatus", "SENT");
        OutboxMessage mail = await().atMost(Duration.ofSeconds(10)).until(() -> smtp.messagesNewestFirst(), mails -> !mails.isEmpty()).get(0);
        assertThat(mail.text()).hasValueSatisfying(text -> assertThat(text.replace("\r\n", "\n")).contains(
                "    January 2027: $211.25\n    February 2027: $198.40\n\n    Total past due: $409.65\n",
                "please pay $409.65 by March 31, 2027"));
    }

    @Test
    void anUnknownFailureCodeRaisesAnIncidentNamingItAndNoNoticeGoes() {
        Member member = member("M-WORKER-8", "max.ruiz@example.org");
        deploy("failed", "PAYMENT_FAILED");

        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId("failed").latestVersion()
                .variables(Map.of("memberId", member.memberId(), "enrollmentId", "PAY-9", "last4", "6789",
                        "coverageMonth", "2027-02", "dueAmount", "211.25", "failureCode", "R99"))
                .send().join();

        Incident incident = await().atMost(Duration.ofSeconds(10))
                .until(() -> incidents(instance.getProcessInstanceKey()), found -> !found.isEmpty()).get(0);
        assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.JOB_NO_RETRIES);
        assertThat(incident.getErrorMessage()).contains(
                "Notice PAYMENT_FAILED: variable 'failureCode' is not a Nacha return code or card decline code but 'R99'");
        assertThat(smtp.messagesNewestFirst()).isEmpty();
    }

    /** A one-task process as an analyst would model it: the header names the notice, input mappings fill it. */
    private void deploy(String processId, String template) {
        client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(processId)
                .startEvent()
                .serviceTask("notify", task -> task.zeebeJobType("send-notice")
                        .zeebeTaskHeader("template", template)
                        .zeebeInputExpression("\"autopay-\" + enrollmentId", "noticeReference")
                        .zeebeInputExpression("\"Checking account ending \" + last4", "method"))
                .endEvent()
                .done(), processId + ".bpmn").send().join();
    }

    private List<Incident> incidents(long processInstanceKey) {
        return client.newIncidentSearchRequest()
                .filter(filter -> filter.processInstanceKey(processInstanceKey).state(IncidentState.ACTIVE))
                .send().join().items();
    }

    private Member member(String memberId, String email) {
        return member(memberId, email, null);
    }

    private Member member(String memberId, String email, String phone) {
        Member member = new Member(memberId, "Rosa", "Diaz", LocalDate.of(1984, 3, 2), Instant.parse("2026-11-01T12:00:00Z"));
        member.contactAt(email, phone);
        return members.save(member);
    }
}
