package org.relay.scoring;

import org.relay.common.TransactionScoped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The live trained model, if any. Every node asks the database which version is live (one indexed row) and keeps
 * that version's weights in memory, so a retrain on one node reaches all nodes at their next score.
 */
@Component
public class ActiveLeadScoreModel {

    private static final TypeReference<Map<String, Double>> WEIGHTS = new TypeReference<>() {
    };
    private final LeadScoreModelRepository models;
    private final ObjectMapper json;
    private final AtomicReference<TrainedLeadScore> cached = new AtomicReference<>();

    ActiveLeadScoreModel(LeadScoreModelRepository models, ObjectMapper json) {
        this.models = models;
        this.json = json;
    }

    public Optional<TrainedLeadScore> current() {
        // asked once per transaction: an import batch scores dozens of leads with the same model
        Optional<Integer> version = TransactionScoped.get(this,
                () -> models.versionWithStatus(LeadScoreModelRecord.Status.ACTIVE));
        if (version.isEmpty()) {
            return Optional.empty();
        }
        TrainedLeadScore model = cached.get();
        if (model == null || model.version() != version.get()) {
            model = load(models.findById(version.get()).orElseThrow());
            cached.set(model);
        }
        return Optional.of(model);
    }

    private TrainedLeadScore load(LeadScoreModelRecord record) {
        try {
            Map<String, Double> weights = json.readValue(record.getWeights(), WEIGHTS);
            double bias = weights.remove(ModelWeights.BIAS);
            return new TrainedLeadScore(record.getVersion(), bias, weights, json.readValue(record.getBaselines(), WEIGHTS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Lead-score model " + record.getVersion() + " has unreadable weights", e);
        }
    }
}
