package org.relay.scoring;

import org.relay.security.Callers;
import org.relay.common.InvalidRequestException;
import org.relay.common.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Lead-score models (quality, which one is live), on-demand retraining, and referrer scores. */
@RestController
class ScoringController {

    record ModelView(int version, LeadScoreModelRecord.Status status, String algorithm, Instant trainedAt,
                     int trainingRows, int trainingConverted, int holdoutRows, Double auc, Double aucPrior,
                     Double aucNaiveBayes, Double aucSourceRate, Double brier, Double brierPrior, String calibration,
                     String decision) {

        static ModelView of(LeadScoreModelRecord m) {
            return new ModelView(m.getVersion(), m.getStatus(), m.getAlgorithm(), m.getTrainedAt(), m.getTrainingRows(),
                    m.getTrainingConverted(), m.getHoldoutRows(), m.getAuc(), m.getAucPrior(), m.getAucNaiveBayes(),
                    m.getAucSourceRate(), m.getBrier(), m.getBrierPrior(), m.getCalibration(), m.getDecision());
        }
    }

    record TrainingStarted(String processInstanceId) {
    }

    /** {@code rewards}: earned and paid per unit (points, a currency) from the reward ledger (org.relay.rewards). */
    record ReferrerScoreView(int rank, String referrerId, String referrerType, String name, int score, int referralsMade,
                             int decided, int converted, Instant updatedAt,
                             List<org.relay.rewards.RewardBalances.Line> rewards) {
    }

    private final LeadScoreModelRepository models;
    private final ReferrerStandings standings;
    private final Callers callers;
    private final TrainingRuns trainingRuns;

    private final org.relay.rewards.RewardBalances rewards;

    ScoringController(LeadScoreModelRepository models, ReferrerStandings standings, Callers callers, TrainingRuns trainingRuns,
                      org.relay.rewards.RewardBalances rewards) {
        this.rewards = rewards;
        this.models = models;
        this.standings = standings;
        this.callers = callers;
        this.trainingRuns = trainingRuns;
    }

    @GetMapping("/api/scoring/models")
    List<ModelView> models() {
        return models.findAllByOrderByVersionDesc().stream().map(ModelView::of).toList();
    }

    @GetMapping("/api/scoring/models/active")
    ModelView activeModel() {
        return models.findFirstByStatus(LeadScoreModelRecord.Status.ACTIVE).map(ModelView::of)
                .orElseThrow(() -> NotFoundException.of("problem.scoring.no-live-model"));
    }

    /**
     * Starts the training process now (the same one the nightly timer starts); its steps run as engine jobs. Two
     * requests at once (a double click, two administrators) take turns on the run lock: one starts it, the other 409.
     */
    @PostMapping("/api/scoring/training")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public TrainingStarted retrain() {
        return new TrainingStarted(trainingRuns.startOnRequest());
    }

    /** The referrer leaderboard, best score first. */
    @GetMapping("/api/referrers/top")
    List<ReferrerScoreView> top(@RequestParam(defaultValue = "10") int limit) {
        if (limit < 1 || limit > 500) {
            throw InvalidRequestException.of("limit", "problem.common.between", "1", "500");
        }
        List<ReferrerStanding> top = standings.top(limit);
        var earned = rewards.ofReferrers(top.stream().map(ReferrerStanding::getReferrerId).toList());
        return java.util.stream.IntStream.range(0, top.size()).mapToObj(i -> view(i + 1, top.get(i),
                earned.getOrDefault(top.get(i).getReferrerId(), List.of()))).toList();
    }

    @GetMapping("/api/referrers/{referrerId}/score")
    ReferrerScoreView score(@PathVariable String referrerId) {
        callers.requireSelfOrManager(referrerId);
        return standings.of(referrerId).map(s -> view(standings.rank(s), s,
                        rewards.ofReferrers(List.of(referrerId)).getOrDefault(referrerId, List.of())))
                .orElseThrow(() -> NotFoundException.of("problem.scoring.no-decided-referral", referrerId));
    }

    private static ReferrerScoreView view(int rank, ReferrerStanding s, List<org.relay.rewards.RewardBalances.Line> rewards) {
        return new ReferrerScoreView(rank, s.getReferrerId(), s.getReferrerType().name(), s.getReferrerName(),
                s.getScore(), s.getReferralsMade(), s.getDecided(), s.getConverted(), s.getUpdatedAt(), rewards);
    }
}
