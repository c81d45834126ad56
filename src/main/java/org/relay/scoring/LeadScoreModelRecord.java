package org.relay.scoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

import java.time.Instant;

/** One training run: its held-out quality next to the prior and the baselines, and whether it went live. */
@Entity
@Table(name = "lead_score_model")
public class LeadScoreModelRecord implements Persistable<Integer> {

    public enum Status { ACTIVE, RETIRED, REJECTED }

    @Transient
    private boolean isNew = true;

    @Id
    private Integer version;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(nullable = false)
    private String algorithm;
    @Column(nullable = false)
    private Instant trainedAt;
    private int trainingRows;
    private int trainingConverted;
    private int holdoutRows;
    private Double auc;
    private Double aucPrior;
    private Double aucNaiveBayes;
    private Double aucSourceRate;
    private Double brier;
    private Double brierPrior;
    private String calibration;
    @Column(nullable = false)
    private String decision;
    private String weights;
    private String baselines;
    private byte[] modelBytes;

    protected LeadScoreModelRecord() {
    }

    LeadScoreModelRecord(int version, Status status, String algorithm, Instant trainedAt, int trainingRows,
                         int trainingConverted, int holdoutRows, String decision) {
        this.version = version;
        this.status = status;
        this.algorithm = algorithm;
        this.trainedAt = trainedAt;
        this.trainingRows = trainingRows;
        this.trainingConverted = trainingConverted;
        this.holdoutRows = holdoutRows;
        this.decision = decision;
    }

    void quality(double auc, double aucPrior, double aucNaiveBayes, double aucSourceRate, double brier,
                 double brierPrior, String calibration) {
        this.auc = auc;
        this.aucPrior = aucPrior;
        this.aucNaiveBayes = aucNaiveBayes;
        this.aucSourceRate = aucSourceRate;
        this.brier = brier;
        this.brierPrior = brierPrior;
        this.calibration = calibration;
    }

    void model(String weights, String baselines, byte[] modelBytes) {
        this.weights = weights;
        this.baselines = baselines;
        this.modelBytes = modelBytes;
    }

    void retire() {
        this.status = Status.RETIRED;
    }

    @Override
    public Integer getId() { return version; }
    @Override
    public boolean isNew() { return isNew; }

    @jakarta.persistence.PostLoad
    @jakarta.persistence.PostPersist
    void markNotNew() { isNew = false; }

    public Integer getVersion() { return version; }
    public Status getStatus() { return status; }
    public String getAlgorithm() { return algorithm; }
    public Instant getTrainedAt() { return trainedAt; }
    public int getTrainingRows() { return trainingRows; }
    public int getTrainingConverted() { return trainingConverted; }
    public int getHoldoutRows() { return holdoutRows; }
    public Double getAuc() { return auc; }
    public Double getAucPrior() { return aucPrior; }
    public Double getAucNaiveBayes() { return aucNaiveBayes; }
    public Double getAucSourceRate() { return aucSourceRate; }
    public Double getBrier() { return brier; }
    public Double getBrierPrior() { return brierPrior; }
    public String getCalibration() { return calibration; }
    public String getDecision() { return decision; }
    String getWeights() { return weights; }
    String getBaselines() { return baselines; }
}
