package org.relay.scoring;

import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits a logistic regression on one-hot lead features with Tribuo (SGD with AdaGrad, fixed seed so a retrain on the
 * same history gives the same model) and reads it back as explainable weights.
 */
public final class LogisticRegressionFit {

    static final String CONVERTED = "converted";
    static final String LOST = "lost";
    private static final int EPOCHS = 15;
    private static final long SEED = 20261125L;

    /** The weights in explainable form (version 0 until stored) and the Tribuo model itself. */
    public record Fitted(TrainedLeadScore weights, LinearSGDModel model) {
    }

    private LogisticRegressionFit() {
    }

    public static Fitted fit(List<LeadFacts> rows) {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("relay closed referrals", labels), labels);
        for (LeadFacts row : rows) {
            dataset.add(example(row, Boolean.TRUE.equals(row.converted()) ? CONVERTED : LOST));
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), EPOCHS, SEED);
        LinearSGDModel model = (LinearSGDModel) trainer.train(dataset);
        return new Fitted(explain(model, rows), model);
    }

    static ArrayExample<Label> example(LeadFacts row, String label) {
        Map<String, String> features = LeadFeatures.of(row);
        String[] names = new String[features.size()];
        double[] values = new double[features.size()];
        int i = 0;
        for (Map.Entry<String, String> feature : features.entrySet()) {
            names[i] = TrainedLeadScore.feature(feature.getKey(), feature.getValue());
            values[i++] = 1.0;
        }
        return new ArrayExample<>(new Label(label), names, values);
    }

    /**
     * Two-class softmax: P(converted) = σ(z_converted − z_lost), so each feature's effective weight is the difference of
     * its two rows in Tribuo's weight matrix; the last column is the bias.
     */
    private static TrainedLeadScore explain(LinearSGDModel model, List<LeadFacts> rows) {
        DenseMatrix w = model.getWeightsCopy();
        int converted = model.getOutputIDInfo().getID(new Label(CONVERTED));
        int lost = model.getOutputIDInfo().getID(new Label(LOST));
        ImmutableFeatureMap featureMap = model.getFeatureIDMap();
        Map<String, Double> weights = new HashMap<>();
        for (VariableInfo info : featureMap) {
            int id = featureMap.getID(info.getName());
            weights.put(info.getName(), w.get(converted, id) - w.get(lost, id));
        }
        int biasColumn = w.getDimension2Size() - 1;
        double bias = w.get(converted, biasColumn) - w.get(lost, biasColumn);
        Map<String, Double> baselines = new HashMap<>();
        for (LeadFacts row : rows) {
            LeadFeatures.of(row).forEach((group, value) -> baselines.merge(group,
                    weights.getOrDefault(TrainedLeadScore.feature(group, value), 0.0) / rows.size(), Double::sum));
        }
        return new TrainedLeadScore(0, bias, weights, baselines);
    }
}
