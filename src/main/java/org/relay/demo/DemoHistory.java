package org.relay.demo;

import org.relay.referral.ReferrerType;
import org.relay.scoring.LeadScoreTraining;
import org.relay.scoring.ReferrerStandings;
import org.relay.scoring.ScoringProperties;
import org.relay.synthetic.SyntheticHistoryWriter;
import org.relay.synthetic.SyntheticReferralHistory;
import org.relay.synthetic.SyntheticReferralHistory.SyntheticReferrer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Eighteen months of decided referrals for the demo bank, so the demo shows a trained lead-score model, referrer
 * scores with a track record (Ryan's referrals convert often) and reports with something in them.
 */
@Component
class DemoHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    static final int SIZE = 2400;

    static final List<SyntheticReferrer> REFERRERS = List.of(
            new SyntheticReferrer(ReferrerType.INTERNAL_USER, "ryan", "Ryan Walsh", 1.0),
            new SyntheticReferrer(ReferrerType.INTERNAL_USER, "wendy", "Wendy Park", 0.3),
            new SyntheticReferrer(ReferrerType.INTERNAL_USER, "rita", "Rita Okafor", 0.0),
            new SyntheticReferrer(ReferrerType.INTERNAL_USER, "alice", "Alice Romero", -0.3),
            new SyntheticReferrer(ReferrerType.INTERNAL_USER, "carlos", "Carlos Diaz", -0.7),
            new SyntheticReferrer(ReferrerType.ADVOCATE, DemoTeam.ADVOCATE_CODE, "Lena Ortiz", 0.6),
            new SyntheticReferrer(ReferrerType.PARTNER, "PARTNER-ACME", "Acme Realty", -0.4));

    private final SyntheticHistoryWriter writer;
    private final ReferrerStandings standings;
    private final LeadScoreTraining training;
    private final ScoringProperties scoring;
    private final Clock clock;

    DemoHistory(SyntheticHistoryWriter writer, ReferrerStandings standings, LeadScoreTraining training,
                ScoringProperties scoring, Clock clock) {
        this.writer = writer;
        this.standings = standings;
        this.training = training;
        this.scoring = scoring;
        this.clock = clock;
    }

    void create() {
        Instant now = clock.instant();
        Map<String, List<String>> members = DemoTeam.QUEUES.stream()
                .collect(Collectors.toMap(DemoTeam.Queue::id, DemoTeam.Queue::members));
        // decisions end about a week ago, so nothing in the history is newer than the live demo referrals
        var history = SyntheticReferralHistory.generate(new SyntheticReferralHistory.Settings(42, SIZE,
                now.minus(Duration.ofDays(540)), now.minus(Duration.ofDays(45)), REFERRERS, members,
                scoring.referrerHalfLife()));
        writer.write(history);
        standings.refreshAll();
        log.info("Demo history: {} decided referrals; {}", SIZE, training.train().summary());
    }
}
