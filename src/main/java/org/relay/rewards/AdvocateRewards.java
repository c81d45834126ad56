package org.relay.rewards;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** What an advocate or partner sees of their rewards on their signed-link page: balances and each reward, no findings. */
@Component
public class AdvocateRewards {

    /** The page's section: balances per unit, the rewards newest first (without ledger lines or findings). */
    public record Section(List<RewardBalances.Balance> balances, List<Line> rewards) {
    }

    public record Line(String reference, String referral, String outcome, String status, int points,
                       java.math.BigDecimal amount, String currency) {
    }

    private final RewardRepository rewards;
    private final RewardBalances balances;

    AdvocateRewards(RewardRepository rewards, RewardBalances balances) {
        this.rewards = rewards;
        this.balances = balances;
    }

    @Transactional(readOnly = true)
    public Section of(String advocateCode) {
        return new Section(balances.of(advocateCode), rewards.findByReferrerIdOrderByEarnedAtDescIdDesc(advocateCode).stream()
                .filter(r -> r.getStatus() != RewardStatus.REJECTED)
                .map(r -> new Line(r.getReference(), r.getReferralReference(), r.getOutcome().name(), r.getStatus().name(),
                        r.getPoints(), r.getAmount(), r.getCurrency())).toList());
    }
}
