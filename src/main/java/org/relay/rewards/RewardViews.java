package org.relay.rewards;

import org.relay.i18n.StoredSentences;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/** Builds {@link RewardView}s: findings in the caller's language (i18n/rewards), payout batches by reference. */
@Component
class RewardViews {

    private final RewardFindingRepository findings;
    private final RewardLedgerEntryRepository entries;
    private final PayoutBatchRepository batches;
    private final MessageSource messages;
    private final StoredSentences sentences;
    private final Clock clock;

    RewardViews(RewardFindingRepository findings, RewardLedgerEntryRepository entries, PayoutBatchRepository batches,
                MessageSource messages, StoredSentences sentences, Clock clock) {
        this.sentences = sentences;
        this.findings = findings;
        this.entries = entries;
        this.batches = batches;
        this.messages = messages;
        this.clock = clock;
    }

    /** The full view: findings and ledger lines. */
    RewardView full(Reward reward) {
        return view(reward, true);
    }

    /** Lists: without the ledger lines. */
    List<RewardView> brief(List<Reward> rewards) {
        return rewards.stream().map(r -> view(r, false)).toList();
    }

    List<RewardView.Finding> findingsOf(Reward reward) {
        return findings.findByRewardIdOrderByIdAsc(reward.getId()).stream()
                .map(f -> new RewardView.Finding(f.getCode().name(), f.getFact(), messages.getMessage(
                        "rewards.finding." + f.getCode().name()
                                + (f.getCode() == GamingCheck.SELF_REFERRAL ? "." + f.getFact() : ""), new Object[]{f.getFact()}, LocaleContextHolder.getLocale())))
                .toList();
    }

    private RewardView view(Reward r, boolean withLedger) {
        List<RewardView.Entry> ledger = withLedger ? entries.findByRewardIdOrderByOccurredAtAscIdAsc(r.getId()).stream()
                .map(e -> new RewardView.Entry(e.getType().name(), e.getActor(), sentences.word(e.getReason()), e.getPoints(),
                        e.getAmount(), e.getCurrency(), e.getOccurredAt())).toList() : null;
        String batch = r.getPayoutBatchId() == null ? null
                : batches.findById(r.getPayoutBatchId()).map(PayoutBatch::getReference).orElse(null);
        return new RewardView(r.getReference(), r.getReferralReference(), r.getOutcome().name(), r.getReferrerType().name(),
                r.getReferrerId(), r.getReferrerName(), r.getCreditQueue(), r.getRecordType(), r.getProduct(),
                r.getValueBand().name(), r.getPoints(), r.getAmount(), r.getCurrency(), r.getRuleName(),
                r.isApprovalRequired(), r.isHeldForCap(), r.getStatus().name(), r.isPayable(clock.instant()),
                r.getEarnedAt(), r.getPayableFrom(), r.getDecidedBy(), r.getDecidedAt(), sentences.word(r.getDecisionReason()), batch,
                r.getPaidAt(), r.getReversedAt(), sentences.word(r.getReversalReason()), findingsOf(r), ledger);
    }
}
