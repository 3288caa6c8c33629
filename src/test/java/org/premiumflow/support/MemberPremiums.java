package org.premiumflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.YearMonth;
import org.premiumflow.billing.Invoicing;
import org.premiumflow.member.Enrollments;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One enrollment's premiums as scenarios drive them: a month invoiced as the billing run invoices it,
 * and a payment the member makes by hand through the member API.
 */
public final class MemberPremiums {

    private final ApplicationContext context;
    private final int port;
    private final String memberId;
    private final long enrollmentId;

    public MemberPremiums(ApplicationContext context, int port, String memberId, long enrollmentId) {
        this.context = context;
        this.port = port;
        this.memberId = memberId;
        this.enrollmentId = enrollmentId;
    }

    public MemberPremiums(ApplicationContext context, int port, EnrolledMember member) {
        this(context, port, member.memberId(), member.enrollmentId());
    }

    /** The month's invoice, issued in a transaction of its own as the billing run issues each. */
    public void issue(YearMonth month) {
        Enrollments enrollments = context.getBean(Enrollments.class);
        context.getBean(TransactionTemplate.class).executeWithoutResult(status ->
                context.getBean(Invoicing.class).issue(enrollments.findById(enrollmentId).orElseThrow(), month));
    }

    /** A one-time payment from a payment method; the key, made unique per member, lets a test repeat it on purpose. */
    public void pay(long paymentMethodId, String amount, String key) {
        HttpResponse<String> paid = Http.postJson(port, "/api/members/" + memberId + "/payments",
                "{\"paymentMethodId\": " + paymentMethodId + ", \"amount\": \"" + amount + "\"}", memberId + "-" + key);
        assertThat(paid.statusCode()).as(paid.body()).isBetween(200, 201);
    }
}
