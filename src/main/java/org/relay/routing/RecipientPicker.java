package org.relay.routing;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralStatus;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Picks the member of a queue with the fewest open referrals, never someone who already rejected the referral. */
@Component
class RecipientPicker {

    private static final Set<ReferralStatus> OPEN = Set.copyOf(
            Arrays.stream(ReferralStatus.values()).filter(ReferralStatus::isOpen).toList());

    private final IdentityService identityService;
    private final ReferralRepository referrals;

    RecipientPicker(IdentityService identityService, ReferralRepository referrals) {
        this.identityService = identityService;
        this.referrals = referrals;
    }

    Optional<String> pick(String queueId, Set<String> excluded) {
        List<String> candidates = identityService.createUserQuery().memberOfGroup(queueId).list().stream()
                .map(User::getId)
                .filter(id -> !excluded.contains(id))
                .toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> open = new HashMap<>();
        for (Object[] row : referrals.countOpenByOwner(candidates, OPEN)) {
            open.put((String) row[0], (Long) row[1]);
        }
        return candidates.stream()
                .min(Comparator.<String>comparingLong(id -> open.getOrDefault(id, 0L)).thenComparing(id -> id));
    }
}
