package org.relay.activity;

import org.relay.security.Callers;
import org.camunda.bpm.engine.IdentityService;
import org.relay.common.NotFoundException;
import org.relay.referral.Referral;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** "My open referrals": what a user owns and has not closed, with when something last happened on each. */
@RestController
class OpenReferralsController {

    record OpenReferral(String referenceNumber, String customer, String expressedInterest, ReferralStatus status,
                        Integer leadScore, Instant acceptedAt, Instant lastActivityAt, long daysIdle) {
    }

    private final ReferralRepository referrals;
    private final IdentityService identityService;
    private final Clock clock;
    private final Callers callers;

    OpenReferralsController(ReferralRepository referrals, IdentityService identityService, Clock clock, Callers callers) {
        this.callers = callers;
        this.referrals = referrals;
        this.identityService = identityService;
        this.clock = clock;
    }

    @GetMapping("/api/users/{userId}/open-referrals")
    @Transactional(readOnly = true)
    List<OpenReferral> open(@PathVariable String userId) {
        callers.requireSelfOrManager(userId);
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            throw new NotFoundException("No user " + userId);
        }
        List<ReferralStatus> open = Arrays.stream(ReferralStatus.values()).filter(ReferralStatus::isOpen).toList();
        Instant now = clock.instant();
        return referrals.findByOwnerIdAndStatusIn(userId, open).stream()
                .map(r -> view(r, now))
                .sorted(Comparator.comparingLong(OpenReferral::daysIdle).reversed()
                        .thenComparing(OpenReferral::referenceNumber))
                .toList();
    }

    private static OpenReferral view(Referral r, Instant now) {
        Instant since = r.getLastActivityAt() != null ? r.getLastActivityAt()
                : r.getAcceptedAt() != null ? r.getAcceptedAt()
                : r.getAssignedAt() != null ? r.getAssignedAt() : r.getCreatedAt();
        return new OpenReferral(r.getReferenceNumber(), r.getCustomer().getName(), r.getExpressedInterest(),
                r.getStatus(), r.getLeadScore(), r.getAcceptedAt(), r.getLastActivityAt(),
                Duration.between(since, now).toDays());
    }
}
