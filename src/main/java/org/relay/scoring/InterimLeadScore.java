package org.relay.scoring;

import org.relay.referral.Referral;
import org.relay.referral.ReferralKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A transparent points prior for the likelihood to convert (0–100), used until a model trained on Relay's own
 * history exists. Each factor is named so a recipient can see why a referral ranks where it does.
 */
public final class InterimLeadScore {

    static final int BASE = 40;
    private static final BigDecimal LARGE = new BigDecimal("250000");
    private static final BigDecimal MEDIUM = new BigDecimal("50000");

    public record Result(int score, List<String> factors) {
    }

    private InterimLeadScore() {
    }

    public static Result of(Referral referral) {
        int score = BASE;
        List<String> factors = new ArrayList<>();
        if (referral.getKind() == ReferralKind.REFERRAL) {
            score += 10;
            factors.add("referred by someone +10");
        }
        if (referral.getCustomer().isExistingCustomer()) {
            score += 15;
            factors.add("existing customer +15");
        }
        BigDecimal amount = referral.getInterestAmount();
        if (amount != null && amount.compareTo(LARGE) >= 0) {
            score += 15;
            factors.add("interest value ≥ 250k +15");
        } else if (amount != null && amount.compareTo(MEDIUM) >= 0) {
            score += 8;
            factors.add("interest value ≥ 50k +8");
        }
        if (referral.getCustomer().getPhone() != null) {
            score += 10;
            factors.add("phone given +10");
        } else {
            score -= 5;
            factors.add("no phone −5");
        }
        if (referral.getCustomer().getEmail() != null) {
            score += 5;
            factors.add("email given +5");
        }
        return new Result(Math.max(0, Math.min(100, score)), factors);
    }
}
