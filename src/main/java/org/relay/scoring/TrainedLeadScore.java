package org.relay.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A trained logistic-regression model in its explainable form: one log-odds weight per feature value plus a bias.
 * A factor's points are how far the score would fall if that feature were as the average training referral
 * ({@code baselines}: the mean weight of each feature group over the training data) — exact attributions for a
 * linear model, told in score points.
 */
public record TrainedLeadScore(int version, double bias, Map<String, Double> weights, Map<String, Double> baselines) {

    public String modelName() {
        return "lr-" + version;
    }

    public double logit(LeadFacts facts) {
        double logit = bias;
        for (Map.Entry<String, String> feature : LeadFeatures.of(facts).entrySet()) {
            logit += weights.getOrDefault(feature(feature.getKey(), feature.getValue()), 0.0);
        }
        return logit;
    }

    public double probability(LeadFacts facts) {
        return sigmoid(logit(facts));
    }

    /** The score with its largest factors as feature codes ({@code phone=missing}), worded when read. */
    public LeadScore score(LeadFacts facts) {
        double logit = logit(facts);
        double p = sigmoid(logit);
        List<LeadScore.Factor> factors = new ArrayList<>();
        for (Map.Entry<String, String> feature : LeadFeatures.of(facts).entrySet()) {
            double weight = weights.getOrDefault(feature(feature.getKey(), feature.getValue()), 0.0);
            double contribution = weight - baselines.getOrDefault(feature.getKey(), 0.0);
            int points = (int) Math.round(100 * (p - sigmoid(logit - contribution)));
            if (points != 0) {
                factors.add(new LeadScore.Factor(feature(feature.getKey(), feature.getValue()), points));
            }
        }
        factors.sort(Comparator.comparingInt((LeadScore.Factor f) -> -Math.abs(f.points())));
        return new LeadScore((int) Math.round(100 * p), modelName(), List.copyOf(factors.subList(0, Math.min(3, factors.size()))));
    }

    public static String feature(String group, String value) {
        return group + "=" + value;
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
