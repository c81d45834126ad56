package org.relay.rewards;

import org.relay.audit.AuditAction;
import org.relay.audit.AuditTrail;
import org.relay.common.ConflictException;
import org.relay.common.CsvExport;
import org.relay.common.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Payouts: the payable rewards (approved, past their review period, in no batch) gathered into a batch exported as
 * CSV for payroll or an advocate payment system; confirming the batch — once the payment system took it — marks
 * its rewards paid. Confirming twice changes nothing; a reward is in at most one open batch (its row is locked while
 * a batch takes it); cancelling an open batch gives its rewards back to the next one.
 */
@Component
@Transactional
public class PayoutBatches {

    static final List<String> COLUMNS = List.of("batch", "reward", "referrerType", "referrerId", "referrerName",
            "creditQueue", "referral", "outcome", "points", "amount", "currency", "earnedAt", "approvedBy");

    /** A batch as the API shows it: its rewards counted, totals per unit. */
    public record BatchView(String reference, String status, String referrerType, String createdBy, Instant createdAt,
                            String confirmedBy, Instant confirmedAt, int rewards, Map<String, java.math.BigDecimal> totals) {
    }

    private final PayoutBatchRepository batches;
    private final RewardRepository rewards;
    private final RewardLedger ledger;
    private final RewardNumbers numbers;
    private final AuditTrail audit;
    private final Clock clock;

    PayoutBatches(PayoutBatchRepository batches, RewardRepository rewards, RewardLedger ledger, RewardNumbers numbers,
                  AuditTrail audit, Clock clock) {
        this.batches = batches;
        this.rewards = rewards;
        this.ledger = ledger;
        this.numbers = numbers;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new batch of every reward payable now (of one referrer type, or all); 409 when nothing is payable. */
    public BatchView create(RewardReferrerType type, String actor) {
        Instant now = clock.instant();
        List<Reward> payable = type == null ? rewards.lockPayable(now) : rewards.lockPayableOf(now, type);
        if (payable.isEmpty()) {
            throw type == null ? ConflictException.of("problem.payout.nothing-payable")
                    : ConflictException.of("problem.payout.nothing-payable-for", type.name().toLowerCase());
        }
        PayoutBatch batch = batches.save(new PayoutBatch(numbers.nextBatch(), type, actor, now));
        payable.forEach(r -> r.inBatch(batch.getId()));
        audit.write(AuditAction.CHANGED, null, "payout " + batch.getReference(), "created with " + payable.size()
                + " rewards", null);
        return view(batch, payable);
    }

    @Transactional(readOnly = true)
    public BatchView get(String reference) {
        PayoutBatch batch = require(reference);
        return view(batch, rewards.findByPayoutBatchIdOrderByIdAsc(batch.getId()));
    }

    /** The batch's rewards as CSV (one line per reward); the export is audited. */
    public String csv(String reference) {
        PayoutBatch batch = require(reference);
        List<Reward> in = rewards.findByPayoutBatchIdOrderByIdAsc(batch.getId());
        List<Map<String, Object>> rows = in.stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("batch", batch.getReference());
            row.put("reward", r.getReference());
            row.put("referrerType", r.getReferrerType().name());
            row.put("referrerId", r.getReferrerId());
            row.put("referrerName", r.getReferrerName());
            row.put("creditQueue", r.getCreditQueue());
            row.put("referral", r.getReferralReference());
            row.put("outcome", r.getOutcome().name());
            row.put("points", r.getPoints());
            row.put("amount", r.getAmount() == null ? null : r.getAmount().toPlainString());
            row.put("currency", r.getCurrency());
            row.put("earnedAt", r.getEarnedAt().toString());
            row.put("approvedBy", r.getDecidedBy());
            return row;
        }).toList();
        audit.write(AuditAction.EXPORTED, null, "payout " + batch.getReference(), in.size() + " rewards as CSV", null);
        return CsvExport.write(COLUMNS, rows);
    }

    /** The payment system took the batch: its rewards are paid. Again: the same answer, nothing changes. */
    public BatchView confirm(String reference, String actor) {
        PayoutBatch batch = batches.findForChange(reference).orElseThrow(() -> notFound(reference));
        List<Reward> in = rewards.findByPayoutBatchIdOrderByIdAsc(batch.getId());
        if (batch.getStatus() == PayoutBatch.Status.CONFIRMED) {
            return view(batch, in);
        }
        if (batch.getStatus() == PayoutBatch.Status.CANCELLED) {
            throw ConflictException.of("problem.payout.cancelled", reference);
        }
        Instant now = clock.instant();
        for (Reward reward : in) {
            if (reward.getStatus() == RewardStatus.APPROVED) {
                ledger.paid(reward, actor, reference, now);
            }
        }
        batch.confirmed(actor, now);
        audit.write(AuditAction.CHANGED, null, "payout " + reference, "confirmed: " + in.size() + " rewards paid", null);
        return view(batch, in);
    }

    /** An open batch the payment system will not take: its rewards go back to the payable ones. */
    public BatchView cancel(String reference, String actor) {
        PayoutBatch batch = batches.findForChange(reference).orElseThrow(() -> notFound(reference));
        if (batch.getStatus() != PayoutBatch.Status.OPEN) {
            throw ConflictException.of("problem.payout.not-open", reference,
                    batch.getStatus().name().toLowerCase());
        }
        List<Reward> in = rewards.findByPayoutBatchIdOrderByIdAsc(batch.getId());
        in.forEach(r -> r.inBatch(null));
        batch.cancelled(actor, clock.instant());
        audit.write(AuditAction.CHANGED, null, "payout " + reference, "cancelled; " + in.size() + " rewards released", null);
        return view(batch, List.of());
    }

    private PayoutBatch require(String reference) {
        return batches.findByReference(reference).orElseThrow(() -> notFound(reference));
    }

    private static NotFoundException notFound(String reference) {
        return NotFoundException.of("problem.payout.not-found", reference);
    }

    private static BatchView view(PayoutBatch batch, List<Reward> in) {
        Map<String, java.math.BigDecimal> totals = new LinkedHashMap<>();
        for (Reward r : in) {
            String unit = r.getAmount() == null ? "points" : r.getCurrency();
            java.math.BigDecimal value = r.getAmount() == null ? java.math.BigDecimal.valueOf(r.getPoints()) : r.getAmount();
            totals.merge(unit, value, java.math.BigDecimal::add);
        }
        return new BatchView(batch.getReference(), batch.getStatus().name(),
                batch.getReferrerType() == null ? null : batch.getReferrerType().name(), batch.getCreatedBy(),
                batch.getCreatedAt(), batch.getConfirmedBy(), batch.getConfirmedAt(), in.size(), totals);
    }
}
