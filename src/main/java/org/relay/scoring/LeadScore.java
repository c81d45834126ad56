package org.relay.scoring;

import org.relay.i18n.Texts;
import org.relay.referral.LeadGrade;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A lead score with its grade, the model that produced it ("prior" or "lr-3") and its three largest factors in
 * score points ("existing customer +12, referrer converts often +9, no phone −6").
 */
public record LeadScore(int score, String model, List<Factor> factors) {

    public static final String PRIOR = "prior";

    public record Factor(String label, int points) {
        @Override
        public String toString() {
            return label + " " + (points < 0 ? "−" + -points : "+" + points);
        }
    }

    public LeadGrade grade() {
        return LeadGrade.of(score);
    }

    public String factorText() {
        return factors.stream().map(Factor::toString).collect(Collectors.joining(", "));
    }

    /** "B · 62/100 — existing customer +12, no phone −6 (model lr-3)" */
    public String summary() {
        return summary(score, factorText(), model);
    }

    /**
     * The same line for a reader in their language: grade, score and the model's words from the bundles (the factor
     * labels are the scoring table's own, as stored on the referral).
     */
    public static String summary(Integer score, String factorText, String model, Texts texts, Locale language) {
        if (score == null) {
            return texts.get("score.not-scored", language);
        }
        return LeadGrade.of(score) + " · " + score + "/100"
                + (factorText == null || factorText.isBlank() ? "" : " — " + factorText)
                + " (" + (PRIOR.equals(model) ? texts.get("score.prior-rules", language)
                : texts.get("score.model", language, model)) + ")";
    }

    /** The same line from what a referral row stores; "not scored yet" before scoring. */
    public static String summary(Integer score, String factorText, String model) {
        if (score == null) {
            return "not scored yet";
        }
        return LeadGrade.of(score) + " · " + score + "/100"
                + (factorText == null || factorText.isBlank() ? "" : " — " + factorText)
                + " (" + (PRIOR.equals(model) ? "prior rules" : "model " + model) + ")";
    }
}
