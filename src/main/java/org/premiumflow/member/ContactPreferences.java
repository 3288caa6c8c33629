package org.premiumflow.member;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Which alerts a member wants by which channel. */
public interface ContactPreferences extends JpaRepository<ContactPreference, ContactPreference.Key> {

    List<ContactPreference> findByKeyMemberId(String memberId);
}
