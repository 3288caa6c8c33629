package org.premiumflow.member;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Enrollments, found by member. */
public interface Enrollments extends JpaRepository<Enrollment, Long> {

    List<Enrollment> findByMemberMemberIdOrderByCoverageStart(String memberId);
}
