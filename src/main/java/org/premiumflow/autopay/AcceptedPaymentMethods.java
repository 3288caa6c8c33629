package org.premiumflow.autopay;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.premiumflow.member.Program;
import org.premiumflow.paymentmethod.PaymentMethodKind;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which kinds of payment method each program accepts. The Health Connector takes bank accounts
 * but no cards; a generic exchange may take both (DOMAIN.md section 1). A program not listed
 * accepts every kind.
 *
 * @param accepted per program, the kinds it accepts
 */
@ConfigurationProperties("premiumflow.payment-methods")
public record AcceptedPaymentMethods(Map<Program, Set<PaymentMethodKind>> accepted) {

    public AcceptedPaymentMethods {
        accepted = accepted == null ? Map.of() : Map.copyOf(accepted);
    }

    public boolean accepts(Program program, PaymentMethodKind kind) {
        return accepted.getOrDefault(program, EnumSet.allOf(PaymentMethodKind.class)).contains(kind);
    }
}
