package org.premiumflow.member;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Members by their member id. */
public interface Members extends JpaRepository<Member, String> {

    /**
     * The member, locked until the transaction ends: changes to one member's payment set-up
     * (AutoPay requests, activation, cancellation) happen one after the other.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from Member m where m.memberId = :memberId")
    Optional<Member> lockById(String memberId);
}
