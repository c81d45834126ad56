package org.relay.notification;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface NotificationSentRepository extends JpaRepository<NotificationSent, Long> {

    boolean existsByEventKeyAndRecipient(String eventKey, String recipient);

    List<NotificationSent> findByReferralIdOrderBySentAtAsc(Long referralId);
}
