package org.relay.routing;

import org.relay.queue.RoutingProperties;
import org.relay.common.DirectoryNames;
import org.relay.i18n.StoredSentence;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.relay.referral.Referral;
import org.relay.referral.ReferrerType;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides who gets a referral, in this order: the salesperson who owns the referring advocate (bypasses the rules),
 * a user the routing table names, the customer's advisor in the target queue, the queue member with the fewest
 * open referrals below capacity (ties: whoever was assigned longest ago). Everyone at capacity: the queue as a
 * whole. Nobody left (all rejected it, absent or inactive): the referrer's manager queue. Nobody who rejected the
 * referral is offered it again. The reason is kept as a {@link StoredSentence} (routing.reason.* in i18n/messages),
 * worded in each reader's language.
 */
@Component
class Router {

    private final AdvocateRepository advocates;
    private final CustomerAdvisorRepository advisors;
    private final Workloads workloads;
    private final ManagerQueues managerQueues;
    private final IdentityService identityService;
    private final RoutingProperties properties;
    private final DirectoryNames names;

    Router(AdvocateRepository advocates, CustomerAdvisorRepository advisors, Workloads workloads,
           ManagerQueues managerQueues, IdentityService identityService, RoutingProperties properties,
           DirectoryNames names) {
        this.names = names;
        this.advocates = advocates;
        this.advisors = advisors;
        this.workloads = workloads;
        this.managerQueues = managerQueues;
        this.identityService = identityService;
        this.properties = properties;
    }

    RoutingDecision route(Referral referral, RoutingRule rule, Set<String> rejecters) {
        return advocateOwner(referral, rule, rejecters)
                .or(() -> namedByRule(rule, rejecters))
                .or(() -> relationshipOwner(referral, rule, rejecters))
                .orElseGet(() -> queueMember(referral, rule, rejecters));
    }

    private Optional<RoutingDecision> advocateOwner(Referral referral, RoutingRule rule, Set<String> rejecters) {
        ReferrerType type = referral.getReferrer().getType();
        if ((type != ReferrerType.ADVOCATE && type != ReferrerType.PARTNER) || referral.getReferrer().getId() == null
                || !properties.advocateOwnership().appliesTo(referral.getRecordType(), referral.getSourceChannel())) {
            return Optional.empty();
        }
        return advocates.findById(referral.getReferrer().getId())
                .filter(Advocate::isActive)
                .filter(advocate -> !properties.advocateOwnership().ownersQueueOnly()
                        || identityService.createUserQuery().userId(advocate.getOwnerUserId()).memberOfGroup(rule.queue())
                        .count() > 0)
                .filter(advocate -> !rejecters.contains(advocate.getOwnerUserId()))
                .flatMap(advocate -> Optional.of(workloads.of(advocate.getOwnerUserId()))
                        .filter(Workloads.Load::pickable)
                        .map(load -> new RoutingDecision(advocate.getOwnerUserId(), rule.queue(), null,
                                RoutingBasis.ADVOCATE_OWNER, StoredSentence.of("routing.reason.advocate-owner",
                                advocate.getName(), advocate.getCode(), names.person(advocate.getOwnerUserId())), load)));
    }

    private Optional<RoutingDecision> namedByRule(RoutingRule rule, Set<String> rejecters) {
        if (rule.assignee() == null || rejecters.contains(rule.assignee())) {
            return Optional.empty();
        }
        return Optional.of(workloads.of(rule.assignee())).filter(Workloads.Load::hasRoom)
                .map(load -> new RoutingDecision(rule.assignee(), rule.queue(), rule.queue(), RoutingBasis.RULE_NAMED_USER,
                        StoredSentence.of("routing.reason.rule-named", rule.name(), names.person(rule.assignee())), load));
    }

    private Optional<RoutingDecision> relationshipOwner(Referral referral, RoutingRule rule, Set<String> rejecters) {
        if (!properties.relationshipOwnerFirst() || !referral.getCustomer().isExistingCustomer()) {
            return Optional.empty();
        }
        return advisors.findById(new CustomerAdvisor.Key(referral.getCustomer().getExistingCustomerId(), rule.queue()))
                .map(CustomerAdvisor::getAdvisorUserId)
                .filter(advisor -> !rejecters.contains(advisor))
                .map(workloads::of)
                .filter(Workloads.Load::hasRoom)
                .map(load -> new RoutingDecision(load.userId(), rule.queue(), rule.queue(), RoutingBasis.RELATIONSHIP_OWNER,
                        StoredSentence.of("routing.reason.relationship-owner", names.person(load.userId()),
                                referral.getCustomer().getExistingCustomerId(), names.queue(rule.queue()), rule.name()),
                        load));
    }

    private RoutingDecision queueMember(Referral referral, RoutingRule rule, Set<String> rejecters) {
        List<String> members = identityService.createUserQuery().memberOfGroup(rule.queue()).list().stream()
                .map(User::getId).filter(id -> !rejecters.contains(id)).toList();
        Map<String, Workloads.Load> loads = workloads.of(members);
        List<Workloads.Load> pickable = loads.values().stream().filter(Workloads.Load::pickable).toList();
        String excluded = rejecters.isEmpty() ? "" : StoredSentence.of("routing.reason.excluding",
                String.join(", ", rejecters.stream().sorted().map(names::person).toList()));
        if (pickable.isEmpty()) {
            String managerQueue = managerQueues.ofReferrer(referral);
            return new RoutingDecision(null, managerQueue, managerQueue, RoutingBasis.NOBODY_LEFT,
                    StoredSentence.of("routing.reason.nobody-left", names.queue(rule.queue()), names.queue(managerQueue)), null);
        }
        Optional<Workloads.Load> least = pickable.stream().filter(Workloads.Load::hasRoom)
                .min(Comparator.comparingLong(Workloads.Load::open)
                        .thenComparing(Workloads.Load::lastAssignedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                        .thenComparing(Workloads.Load::userId));
        if (least.isEmpty()) {
            return new RoutingDecision(null, rule.queue(), rule.queue(), RoutingBasis.CAPACITY_FALLBACK,
                    StoredSentence.of("routing.reason.capacity-fallback", rule.name(), names.queue(rule.queue()), excluded),
                    null);
        }
        Workloads.Load chosen = least.get();
        return new RoutingDecision(chosen.userId(), rule.queue(), rule.queue(), RoutingBasis.LEAST_LOADED_MEMBER,
                StoredSentence.of("routing.reason.least-loaded", rule.name(), names.queue(rule.queue()),
                        names.person(chosen.userId()), chosen.open(), chosen.capacity(), excluded),
                chosen);
    }
}
