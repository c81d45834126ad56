package org.relay.scoring;

import org.relay.i18n.StoredSentence;
import org.relay.referral.LeadGrade;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A lead score with its grade, the model that produced it ("prior" or "lr-3") and its three largest factors in
 * score points, kept as feature codes
 * ("customer=existing +12, referrer=often +9, phone=missing −6") and worded when read.
 */
public record LeadScore(int score, String model, List<Factor> factors) {

    public static final String PRIOR = "prior";

    public record Factor(String code, int points) {
        @Override
        public String toString() {
            return code + " " + (points < 0 ? "−" + -points : "+" + points);
        }
    }

    public LeadGrade grade() {
        return LeadGrade.of(score);
    }

    public String factorText() {
        return factors.stream().map(Factor::toString).collect(Collectors.joining(", "));
    }

    /** "B · 62/100 — existing customer +12, no phone −6 (model lr-3)", kept as codes (see {@link #stored}). */
    public String summary() {
        return stored(score, factorText(), model);
    }

    /**
     * The score's line as a referral's timeline keeps it and mails and pages word it (StoredSentences): grade, score,
     * the factors' codes and the model, in the reader's language; "not scored yet" before scoring.
     */
    public static String stored(Integer score, String factorText, String model) {
        if (score == null) {
            return StoredSentence.of("score.not-scored");
        }
        String by = PRIOR.equals(model) ? StoredSentence.of("score.prior-rules") : StoredSentence.of("score.model", model);
        return factorText == null || factorText.isBlank()
                ? StoredSentence.of("score.summary.no-factors", LeadGrade.of(score), score, by)
                : StoredSentence.of("score.summary", LeadGrade.of(score), score, factorText, by);
    }
}
