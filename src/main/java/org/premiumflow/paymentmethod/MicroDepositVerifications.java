package org.premiumflow.paymentmethod;

import org.springframework.data.jpa.repository.JpaRepository;

/** Micro-deposit verifications, by payment method id. */
public interface MicroDepositVerifications extends JpaRepository<MicroDepositVerification, Long> {
}
