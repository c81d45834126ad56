package org.relay.rewards;

import org.relay.i18n.StoredSentence;
import org.relay.audit.AuditAction;
import org.relay.audit.AuditTrail;
import org.relay.common.ConflictException;
import org.relay.common.InvalidRequestException;
import org.relay.common.NotFoundException;
import org.relay.referral.Customer;
import org.relay.referral.Referral;
import org.relay.referral.Referrer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The reward ledger: earning (rules, gaming checks, caps, review period), a manager's decision, reversal. Every
 * change of a reward writes a ledger line and an audit entry in the same transaction as the change.
 */
@Component
@Transactional
public class RewardLedger {

    public enum Decision { APPROVE, REJECT }

    static final String SYSTEM = "system";

    private final RewardRepository rewards;
    private final RewardLedgerEntryRepository entries;
    private final RewardFindingRepository findings;
    private final RewardRules rules;
    private final GamingChecks gaming;
    private final RewardCaps caps;
    private final ReferrerUnits units;
    private final RewardNumbers numbers;
    private final RewardApproval approval;
    private final RewardProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    RewardLedger(RewardRepository rewards, RewardLedgerEntryRepository entries, RewardFindingRepository findings,
                 RewardRules rules, GamingChecks gaming, RewardCaps caps, ReferrerUnits units, RewardNumbers numbers,
                 RewardApproval approval, RewardProperties properties, AuditTrail audit, Clock clock) {
        this.rewards = rewards;
        this.entries = entries;
        this.findings = findings;
        this.rules = rules;
        this.gaming = gaming;
        this.caps = caps;
        this.units = units;
        this.numbers = numbers;
        this.approval = approval;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The reward this outcome earns the referral's referrer, if the rules give one and it was not earned already.
     * Without findings, a rule asking for approval or a cap reached it is approved at once; otherwise a manager decides
     * in Tasklist (RewardApprovalProcess).
     */
    public Optional<Reward> earn(Referral referral, RewardOutcome outcome, String causedBy) {
        Referrer referrer = referral.getReferrer();
        if (!properties.enabled() || referrer == null || referrer.getId() == null || referrer.getType() == null
                || rewards.findStanding(referral.getId(), outcome).isPresent()) {
            return Optional.empty();
        }
        RewardReferrerType type = RewardReferrerType.of(referrer.getType());
        ValueBand band = ValueBand.of(referral.getInterestAmount());
        Optional<RewardRules.Result> rule = rules.decide(new RewardRules.Facts(type, referral.getRecordType(),
                referral.getExpressedInterest(), band, outcome));
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String customerKey = customerKey(referral.getCustomer());
        Reward reward = rewards.saveAndFlush(new Reward(numbers.nextReward(), referral.getId(),
                referral.getReferenceNumber(), outcome, type, referrer.getId(), referrer.getName(),
                type == RewardReferrerType.EMPLOYEE ? units.at(referral.getId(), referrer.getId()).orElse(null) : null,
                referral.getRecordType(), referral.getExpressedInterest(), band, customerKey, rule.get(), now,
                now.atZone(ZoneOffset.UTC).plus(properties.reviewPeriod()).toInstant()));
        write(reward, LedgerEntryType.EARNED, causedBy == null ? SYSTEM : causedBy, rule.get().rule(), now);
        List<GamingChecks.Finding> found = gaming.check(referral, type, referrer.getId(), referrer.getName(), customerKey);
        found.forEach(f -> findings.save(new RewardFinding(reward.getId(), f.check(), f.fact())));
        Optional<String> capReached = caps.reachedBy(reward);
        if (capReached.isPresent()) {
            reward.hold();
            write(reward, LedgerEntryType.HELD, SYSTEM, capReached.get(), now);
        } else if (found.isEmpty() && !reward.isApprovalRequired()) {
            String why = StoredSentence.of("rewards.reason.auto-approved");
            reward.approve(SYSTEM, why, now);
            write(reward, LedgerEntryType.APPROVED, SYSTEM, why, now);
        }
        if (reward.getStatus().awaitsManager()) {
            approval.start(reward);
        }
        return Optional.of(reward);
    }

    /** A manager approves or rejects a reward waiting for them (findings, approval required, a cap reached). */
    public Reward decide(String reference, Decision decision, String reason, String actor) {
        if (decision == Decision.REJECT && (reason == null || reason.isBlank())) {
            throw InvalidRequestException.of("reason", "problem.reward.reject-reason");
        }
        if (reason != null && reason.length() > 2000) {
            throw InvalidRequestException.of("reason", "problem.reward.reason-length");
        }
        Reward reward = rewards.findForChange(reference).orElseThrow(() -> NotFoundException.of("problem.reward.not-found", reference));
        if (!reward.getStatus().awaitsManager()) {
            throw reward.getDecidedBy() == null
                    ? ConflictException.of("problem.reward.already", reference, reward.getStatus().name().toLowerCase().replace('_', ' '))
                    : ConflictException.of("problem.reward.already-by", reference,
                    reward.getStatus().name().toLowerCase().replace('_', ' '), reward.getDecidedBy());
        }
        Instant now = clock.instant();
        String why = reason == null || reason.isBlank() ? null : StoredSentence.asWritten(reason.trim());
        if (decision == Decision.APPROVE) {
            reward.approve(actor, why, now);
            write(reward, LedgerEntryType.APPROVED, actor, why, now);
        } else {
            reward.reject(actor, why, now);
            write(reward, LedgerEntryType.REJECTED, actor, why, now);
        }
        return reward;
    }

    /**
     * Takes a reward back (an opportunity lost after it was won, a referral reopened or erased, a manager's
     * correction). A paid one is reversed too: what was paid is then owed back (balances: {@code reversedAfterPayment}).
     */
    public boolean reverse(Reward reward, String reason, String actor) {
        if (reward.getStatus() == RewardStatus.REVERSED || reward.getStatus() == RewardStatus.REJECTED) {
            return false;
        }
        if (reward.getStatus().awaitsManager()) {
            approval.end(reward, reason);
        }
        Instant now = clock.instant();
        reward.reverse(reason, now);
        write(reward, LedgerEntryType.REVERSED, actor, reason, now);
        return true;
    }

    public Reward reverse(String reference, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw InvalidRequestException.of("reason", "problem.reward.reverse-reason");
        }
        Reward reward = rewards.findForChange(reference).orElseThrow(() -> NotFoundException.of("problem.reward.not-found", reference));
        if (!reverse(reward, reason.trim(), actor)) {
            throw ConflictException.of("problem.reward.already", reference, reward.getStatus().name().toLowerCase());
        }
        return reward;
    }

    /** The standing rewards of a referral for these outcomes, reversed with this reason. */
    public int reverseForReferral(Long referralId, List<RewardOutcome> outcomes, String reason, String actor) {
        int reversed = 0;
        for (Reward reward : rewards.findByReferralIdOrderByIdAsc(referralId)) {
            if (outcomes.contains(reward.getOutcome()) && reverse(reward, reason, actor)) {
                reversed++;
            }
        }
        return reversed;
    }

    void paid(Reward reward, String actor, String batch, Instant at) {
        reward.paid(at);
        write(reward, LedgerEntryType.PAID, actor, StoredSentence.of("rewards.reason.paid", batch), at);
    }

    private void write(Reward reward, LedgerEntryType type, String actor, String reason, Instant at) {
        entries.save(new RewardLedgerEntry(reward, type, actor, reason, at));
        audit.write(AuditAction.CHANGED, reward.getReferralReference(), "reward " + reward.getReference(),
                type.name().toLowerCase() + worth(reward) + " for " + reward.getReferrerType().name().toLowerCase() + " "
                        + reward.getReferrerId() + (reason == null ? "" : ": " + reason), null);
    }

    private static String worth(Reward reward) {
        return reward.getAmount() != null ? " " + reward.getCurrency() + " " + reward.getAmount().toPlainString()
                : " " + reward.getPoints() + " points";
    }

    /**
     * The customer as a one-way hash (customer number, else email, else phone): enough to see the same customer
     * credited twice, nothing to read back.
     */
    static String customerKey(Customer customer) {
        String key = customer.getExistingCustomerId() != null ? "id:" + customer.getExistingCustomerId()
                : customer.getEmailNormalized() != null ? "email:" + customer.getEmailNormalized()
                : customer.getPhoneNormalized() != null ? "phone:" + customer.getPhoneNormalized() : null;
        if (key == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
