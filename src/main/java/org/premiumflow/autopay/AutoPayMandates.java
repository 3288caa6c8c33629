package org.premiumflow.autopay;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** AutoPay mandates, by member. */
public interface AutoPayMandates extends JpaRepository<AutoPayMandate, Long> {

    Optional<AutoPayMandate> findByMemberIdAndStatus(String memberId, MandateStatus status);

    List<AutoPayMandate> findByMemberIdOrderById(String memberId);

    List<AutoPayMandate> findByPaymentMethodId(long paymentMethodId);

    Optional<AutoPayMandate> findFirstByPaymentMethodIdAndStatusOrderByIdDesc(long paymentMethodId, MandateStatus status);
}
