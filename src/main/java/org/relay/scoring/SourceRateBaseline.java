package org.relay.scoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The plainest rule: a referral is as likely to convert as its source channel's past referrals did. */
public final class SourceRateBaseline {

    private final Map<String, double[]> bySource = new HashMap<>();
    private double overall;

    private SourceRateBaseline() {
    }

    public static SourceRateBaseline train(List<LeadFacts> rows) {
        SourceRateBaseline baseline = new SourceRateBaseline();
        long converted = 0;
        for (LeadFacts row : rows) {
            boolean won = Boolean.TRUE.equals(row.converted());
            double[] counts = baseline.bySource.computeIfAbsent(row.source(), s -> new double[2]);
            counts[0] += won ? 1 : 0;
            counts[1]++;
            converted += won ? 1 : 0;
        }
        baseline.overall = rows.isEmpty() ? 0 : (double) converted / rows.size();
        return baseline;
    }

    public double probability(LeadFacts facts) {
        double[] counts = bySource.get(facts.source());
        return counts == null ? overall : counts[0] / counts[1];
    }
}
