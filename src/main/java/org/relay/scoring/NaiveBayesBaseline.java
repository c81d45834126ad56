package org.relay.scoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The peer to beat: Odoo CRM's predictive lead scoring, rebuilt on Relay's fields. Per field value it counts won and
 * lost referrals (+0.1 smoothing) and multiplies the per-class frequencies, naive-Bayes style; frequencies come from
 * the referral's team (queue) when that team has both won and lost history, else from all teams.
 */
public final class NaiveBayesBaseline {

    private static final double SMOOTHING = 0.1;
    private static final String GLOBAL = "";

    /** team → "field=value" → {won, lost}; and team → {won total, lost total} */
    private final Map<String, Map<String, double[]>> frequencies = new HashMap<>();
    private final Map<String, double[]> totals = new HashMap<>();

    private NaiveBayesBaseline() {
    }

    public static NaiveBayesBaseline train(List<LeadFacts> rows) {
        NaiveBayesBaseline nb = new NaiveBayesBaseline();
        for (LeadFacts row : rows) {
            int outcome = Boolean.TRUE.equals(row.converted()) ? 0 : 1;
            nb.count(GLOBAL, row, outcome);
            if (row.team() != null) {
                nb.count(row.team(), row, outcome);
            }
        }
        return nb;
    }

    private void count(String team, LeadFacts row, int outcome) {
        totals.computeIfAbsent(team, t -> new double[2])[outcome]++;
        Map<String, double[]> table = frequencies.computeIfAbsent(team, t -> new HashMap<>());
        LeadFeatures.of(row).forEach((field, value) ->
                table.computeIfAbsent(TrainedLeadScore.feature(field, value), k -> new double[2])[outcome]++);
    }

    public double probability(LeadFacts facts) {
        String team = facts.team() != null && hasBothOutcomes(facts.team()) ? facts.team() : GLOBAL;
        double[] total = totals.getOrDefault(team, new double[2]);
        Map<String, double[]> table = frequencies.getOrDefault(team, Map.of());
        // log space: the product of ten small frequencies underflows nothing here, but logs keep it exact
        double won = Math.log(total[0] + SMOOTHING);
        double lost = Math.log(total[1] + SMOOTHING);
        for (Map.Entry<String, String> feature : LeadFeatures.of(facts).entrySet()) {
            double[] counts = table.getOrDefault(TrainedLeadScore.feature(feature.getKey(), feature.getValue()), new double[2]);
            won += Math.log((counts[0] + SMOOTHING) / (total[0] + SMOOTHING));
            lost += Math.log((counts[1] + SMOOTHING) / (total[1] + SMOOTHING));
        }
        return 1 / (1 + Math.exp(lost - won));
    }

    private boolean hasBothOutcomes(String team) {
        double[] total = totals.get(team);
        return total != null && total[0] > 0 && total[1] > 0;
    }
}
