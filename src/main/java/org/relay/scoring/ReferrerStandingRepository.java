package org.relay.scoring;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

/** The leaderboard's order, in both its queries: score, then conversions, then referrer id (a stable tie-break). */
interface ReferrerStandingRepository extends JpaRepository<ReferrerStanding, String> {

    List<ReferrerStanding> findAllByOrderByScoreDescConvertedDescReferrerIdAsc(Pageable page);

    /** How many referrers the leaderboard puts before this one: their rank is this + 1. */
    @Query("select count(s) from ReferrerStanding s where s.score > :score or (s.score = :score and "
            + "(s.converted > :converted or (s.converted = :converted and s.referrerId < :referrerId)))")
    long countRankedBefore(@Param("score") int score, @Param("converted") int converted,
                           @Param("referrerId") String referrerId);
}
