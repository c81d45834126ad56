package org.relay.queue;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RoutingQueueRepository extends JpaRepository<RoutingQueue, String> {
}
