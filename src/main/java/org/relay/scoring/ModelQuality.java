package org.relay.scoring;

import org.tribuo.classification.evaluation.LabelEvaluationUtil;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * How good a scorer is on held-out referrals: ranking (ROC AUC, via Tribuo), probability accuracy (Brier score) and
 * calibration (predicted against observed conversion in ten bands of predicted probability).
 */
public record ModelQuality(double auc, double brier, List<Band> calibration) {

    /** Referrals whose predicted probability fell in [from, to): how many, what was predicted, what happened. */
    public record Band(double from, double to, int count, double meanPredicted, double observedRate) {
    }

    public static ModelQuality of(List<LeadFacts> holdout, ToDoubleFunction<LeadFacts> probability) {
        boolean[] actual = new boolean[holdout.size()];
        double[] predicted = new double[holdout.size()];
        double brier = 0;
        int[] counts = new int[10];
        double[] predictedSums = new double[10];
        int[] convertedCounts = new int[10];
        for (int i = 0; i < holdout.size(); i++) {
            actual[i] = Boolean.TRUE.equals(holdout.get(i).converted());
            predicted[i] = probability.applyAsDouble(holdout.get(i));
            double error = predicted[i] - (actual[i] ? 1 : 0);
            brier += error * error;
            int band = Math.min(9, (int) (predicted[i] * 10));
            counts[band]++;
            predictedSums[band] += predicted[i];
            convertedCounts[band] += actual[i] ? 1 : 0;
        }
        List<Band> calibration = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            if (counts[b] > 0) {
                calibration.add(new Band(b / 10.0, (b + 1) / 10.0, counts[b], predictedSums[b] / counts[b],
                        (double) convertedCounts[b] / counts[b]));
            }
        }
        return new ModelQuality(LabelEvaluationUtil.binaryAUCROC(actual, predicted), brier / holdout.size(), calibration);
    }

    /** Expected calibration error: the count-weighted mean gap between predicted and observed conversion. */
    public double calibrationError() {
        int total = calibration.stream().mapToInt(Band::count).sum();
        return calibration.stream().mapToDouble(b -> b.count() * Math.abs(b.meanPredicted() - b.observedRate())).sum() / total;
    }
}
