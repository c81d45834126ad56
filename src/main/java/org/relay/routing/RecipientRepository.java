package org.relay.routing;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;

public interface RecipientRepository extends JpaRepository<Recipient, String> {

    /**
     * The recipients' profiles for routing (every referral): JPQL, whose parse Hibernate keeps, where
     * {@code findAllById} builds a Criteria query on every call.
     */
    @Query("select r from Recipient r where r.userId in :userIds")
    List<Recipient> findProfiles(@Param("userIds") Collection<String> userIds);
}
