package org.relay.scoring;

import org.relay.referral.Referral;
import org.relay.referral.ReferralRepository;
import org.relay.referral.Referrer;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Keeps each referrer's score current: recomputed from their referrals whenever one of them is decided, and nightly. */
@Service
public class ReferrerStandings {

    private final ReferrerStandingRepository standings;
    private final ReferralRepository referrals;
    private final ScoringProperties properties;
    private final Clock clock;

    ReferrerStandings(ReferrerStandingRepository standings, ReferralRepository referrals, ScoringProperties properties,
                      Clock clock) {
        this.standings = standings;
        this.referrals = referrals;
        this.properties = properties;
        this.clock = clock;
    }

    /** The referrer's current score, or null for a referral nobody referred (a self-sourced lead). */
    @Transactional(readOnly = true)
    public Integer scoreOf(Referrer referrer) {
        if (referrer == null || referrer.getId() == null) {
            return null;
        }
        return standings.findById(referrer.getId()).map(ReferrerStanding::getScore).orElse(ReferrerScore.NO_RECORD);
    }

    public Optional<ReferrerStanding> of(String referrerId) {
        return standings.findById(referrerId);
    }

    @Transactional
    public Optional<ReferrerStanding> refresh(Referral referral) {
        Referrer referrer = referral.getReferrer();
        if (referrer == null || referrer.getId() == null) {
            return Optional.empty();
        }
        return Optional.of(refresh(referrer));
    }

    @Transactional
    public ReferrerStanding refresh(Referrer referrer) {
        Instant now = clock.instant();
        List<ReferrerScore.Outcome> outcomes = referrals.decidedOutcomesOfReferrer(referrer.getId()).stream()
                .map(row -> new ReferrerScore.Outcome(row.converted(), row.decidedAt())).toList();
        ReferrerScore.Weighted weighted = ReferrerScore.of(outcomes, now, properties.referrerHalfLife());
        ReferrerStanding standing = standings.findById(referrer.getId())
                .orElseGet(() -> new ReferrerStanding(referrer.getId(), referrer.getType()));
        int converted = (int) outcomes.stream().filter(ReferrerScore.Outcome::converted).count();
        standing.update(referrer.getName(), (int) referrals.countByReferrerId(referrer.getId()), outcomes.size(),
                converted, weighted, now);
        return standings.save(standing);
    }

    /** Every referrer with a record, again: their scores decay as their referrals age. */
    @Transactional
    public int refreshAll() {
        List<Referrer> referrers = referrals.distinctReferrers();
        referrers.forEach(this::refresh);
        return referrers.size();
    }

    /** The referrer's place on the leaderboard ({@link #top}), 1 for the best. */
    public int rank(ReferrerStanding standing) {
        return (int) standings.countRankedBefore(standing.getScore(), standing.getConverted(), standing.getReferrerId()) + 1;
    }

    public List<ReferrerStanding> top(int limit) {
        return standings.findAllByOrderByScoreDescConvertedDescReferrerIdAsc(PageRequest.of(0, limit));
    }
}
