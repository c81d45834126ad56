package org.relay.rewards;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** What one gaming check found about a reward; {@code fact} is a count or another reward's reference, never data. */
@Entity
public class RewardFinding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long rewardId;

    @Enumerated(EnumType.STRING)
    private GamingCheck code;

    private String fact;

    protected RewardFinding() {
    }

    RewardFinding(Long rewardId, GamingCheck code, String fact) {
        this.rewardId = rewardId;
        this.code = code;
        this.fact = fact;
    }

    public Long getRewardId() { return rewardId; }
    public GamingCheck getCode() { return code; }
    public String getFact() { return fact; }
}
