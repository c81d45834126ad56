package org.relay.scoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.relay.referral.ReferrerType;

import java.time.Instant;

/** A referrer's track record and score, kept so the leaderboard is one indexed read. */
@Entity
public class ReferrerStanding {

    @Id
    private String referrerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReferrerType referrerType;
    private String referrerName;
    private int referralsMade;
    private int decided;
    private int converted;
    private double weightedDecided;
    private double weightedConverted;
    private int score;
    @Column(nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected ReferrerStanding() {
    }

    ReferrerStanding(String referrerId, ReferrerType referrerType) {
        this.referrerId = referrerId;
        this.referrerType = referrerType;
    }

    void update(String name, int referralsMade, int decided, int converted, ReferrerScore.Weighted weighted, Instant at) {
        if (name != null) {
            this.referrerName = name;
        }
        this.referralsMade = referralsMade;
        this.decided = decided;
        this.converted = converted;
        this.weightedDecided = weighted.decided();
        this.weightedConverted = weighted.converted();
        this.score = weighted.score();
        this.updatedAt = at;
    }

    public String getReferrerId() { return referrerId; }
    public ReferrerType getReferrerType() { return referrerType; }
    public String getReferrerName() { return referrerName; }
    public int getReferralsMade() { return referralsMade; }
    public int getDecided() { return decided; }
    public int getConverted() { return converted; }
    public double getWeightedDecided() { return weightedDecided; }
    public double getWeightedConverted() { return weightedConverted; }
    public int getScore() { return score; }
    public Instant getUpdatedAt() { return updatedAt; }
}
