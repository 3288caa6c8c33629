package org.premiumflow.member;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Which alerts a member wants by which channel. */
public interface ContactPreferences extends JpaRepository<ContactPreference, ContactPreference.Key> {

    List<ContactPreference> findByKeyMemberId(String memberId);

    /**
     * One statement, run at once: a derived delete would remove the rows through the session,
     * which flushes deletes after inserts, so the rows replacing them would collide with them.
     */
    @Modifying
    @Query("delete from ContactPreference p where p.key.memberId = :memberId")
    void deleteAllOfMember(String memberId);
}
