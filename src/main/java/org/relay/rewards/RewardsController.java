package org.relay.rewards;

import org.relay.i18n.StoredSentence;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.relay.audit.AuditAction;
import org.relay.audit.AuditTrail;
import org.relay.common.InvalidRequestException;
import org.relay.common.NotFoundException;
import org.relay.security.Caller;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The reward ledger over HTTP: a referrer's own rewards and balances; for the programme's managers the ledger, one
 * reward with its findings, their decision, a reversal, and the reports by branch and by person.
 */
@RestController
class RewardsController {

    record ReferrerRewards(String referrerId, List<RewardBalances.Balance> balances, List<RewardView> rewards) {
    }

    record DecisionRequest(@NotNull RewardLedger.Decision decision, @Size(max = 2000) String reason) {
    }

    record ReversalRequest(@Size(max = 2000) String reason) {
    }

    record Report(String by, LocalDate from, LocalDate to, List<RewardBalances.Line> lines) {
    }

    private final RewardRepository rewards;
    private final RewardLedger ledger;
    private final RewardApproval approval;
    private final RewardBalances balances;
    private final RewardViews views;
    private final RewardManagers managers;
    private final AuditTrail audit;

    RewardsController(RewardRepository rewards, RewardLedger ledger, RewardApproval approval, RewardBalances balances,
                      RewardViews views, RewardManagers managers, AuditTrail audit) {
        this.rewards = rewards;
        this.ledger = ledger;
        this.approval = approval;
        this.balances = balances;
        this.views = views;
        this.managers = managers;
        this.audit = audit;
    }

    /** A referrer's own view: balances per unit and every reward, newest first, with its ledger lines. */
    @GetMapping("/api/referrers/{referrerId}/rewards")
    @Transactional(readOnly = true)
    ReferrerRewards ofReferrer(@PathVariable String referrerId) {
        managers.requireSelfOrManager(referrerId);
        return new ReferrerRewards(referrerId, balances.of(referrerId),
                rewards.findByReferrerIdOrderByEarnedAtDescIdDesc(referrerId).stream().map(views::full).toList());
    }

    /** The ledger for managers: newest first, by status and referrer. */
    @GetMapping("/api/rewards")
    @Transactional(readOnly = true)
    List<RewardView> list(@RequestParam(required = false) String status, @RequestParam(required = false) String referrer,
                          @RequestParam(defaultValue = "100") int limit) {
        managers.requireManager();
        if (limit < 1 || limit > 1000) {
            throw InvalidRequestException.of("limit", "problem.common.between", "1", "1000");
        }
        return views.brief(rewards.list(status == null ? null : parse(RewardStatus.class, status, "status"),
                referrer == null || referrer.isBlank() ? null : referrer, PageRequest.of(0, limit)));
    }

    /** One reward with its findings and ledger: the approval form reads it. Managers and the referrer themself. */
    @GetMapping("/api/rewards/{reference}")
    @Transactional(readOnly = true)
    RewardView one(@PathVariable String reference) {
        Reward reward = rewards.findByReference(reference).orElseThrow(() -> NotFoundException.of("problem.reward.not-found", reference));
        managers.requireSelfOrManager(reward.getReferrerId());
        return views.full(reward);
    }

    /** A manager approves or rejects a reward waiting for them; its task in Tasklist closes with it. */
    @PostMapping("/api/rewards/{reference}/decision")
    @Transactional
    RewardView decide(@PathVariable String reference, @Valid @RequestBody DecisionRequest request) {
        Caller caller = managers.requireManager();
        Reward reward = ledger.decide(reference, request.decision(), request.reason(), caller.userId());
        approval.decidedThroughApi(reward, request.decision());
        return views.full(reward);
    }

    /** A manager takes a reward back (e.g. the won deal fell through); a paid one is then owed back. */
    @PostMapping("/api/rewards/{reference}/reversal")
    @Transactional
    RewardView reverse(@PathVariable String reference, @Valid @RequestBody ReversalRequest request) {
        Caller caller = managers.requireManager();
        return views.full(ledger.reverse(reference, StoredSentence.asWritten(request.reason()), caller.userId()));
    }

    /** Rewards earned in a period, per person (referrer) or per branch (the employee's queue when they referred). */
    @GetMapping("/api/rewards/reports/{by}")
    Report report(@PathVariable String by, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to) {
        managers.requireManager();
        LocalDate last = to == null ? LocalDate.now(ZoneOffset.UTC) : date(to, "to");
        LocalDate first = from == null ? last.withDayOfMonth(1).minusMonths(11) : date(from, "from");
        if (first.isAfter(last)) {
            throw InvalidRequestException.of("from", "problem.common.from-after-to");
        }
        Instant start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<RewardBalances.Line> lines = switch (by) {
            case "person" -> balances.byPerson(start, end);
            case "branch" -> balances.byBranch(start, end);
            default -> throw InvalidRequestException.of("by", "problem.reward.by");
        };
        audit.write(AuditAction.LISTED, null, "rewards by " + by, first + " to " + last, null);
        return new Report(by, first, last, lines);
    }

    /** Everything earned and paid, per unit (points, each currency): the Cockpit dashboard's card. */
    @GetMapping("/api/rewards/totals")
    @Transactional(readOnly = true)
    List<RewardBalances.Line> totals() {
        managers.requireManager();
        return balances.totals();
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.of(field, "problem.reward.date");
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of(field, "problem.reward.one-of",
                    String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }
}
