package org.relay.scoring;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface ReferrerStandingRepository extends JpaRepository<ReferrerStanding, String> {

    List<ReferrerStanding> findAllByOrderByScoreDescConvertedDescReferrerIdAsc(Pageable page);
}
