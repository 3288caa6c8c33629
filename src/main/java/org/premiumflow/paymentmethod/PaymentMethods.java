package org.premiumflow.paymentmethod;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Payment methods, by member. */
public interface PaymentMethods extends JpaRepository<PaymentMethod, Long> {

    List<PaymentMethod> findByMemberIdOrderById(String memberId);

    Optional<PaymentMethod> findByMemberIdAndStatus(String memberId, PaymentMethodStatus status);

    /** The method, locked until the transaction ends, so two changes of one method happen one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from PaymentMethod m where m.id = :id")
    Optional<PaymentMethod> lockById(Long id);
}
