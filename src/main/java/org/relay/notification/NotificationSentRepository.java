package org.relay.notification;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

interface NotificationSentRepository extends JpaRepository<NotificationSent, Long> {

    /**
     * JPQL, not derived from the name: Hibernate keeps its translation, and every mail asks it (a derived query's
     * Criteria translation was 4 % of the job threads' CPU in the escalation burst).
     */
    @Query("select count(n) from NotificationSent n where n.eventKey = :eventKey and n.recipient = :recipient")
    long countByEventKeyAndRecipient(@Param("eventKey") String eventKey, @Param("recipient") String recipient);

    @Query("select n.eventKey from NotificationSent n where n.recipient = :recipient and n.eventKey in :eventKeys")
    List<String> sentAmong(@Param("eventKeys") List<String> eventKeys, @Param("recipient") String recipient);

    List<NotificationSent> findByReferralIdOrderBySentAtAsc(Long referralId);
}
