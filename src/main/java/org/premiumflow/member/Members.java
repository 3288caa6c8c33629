package org.premiumflow.member;

import org.springframework.data.jpa.repository.JpaRepository;

/** Members by their member id. */
public interface Members extends JpaRepository<Member, String> {
}
