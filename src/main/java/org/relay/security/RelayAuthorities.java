package org.relay.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.relay.queue.RoutingProperties;
import org.relay.queue.RoutingQueue;
import org.relay.queue.RoutingQueueRepository;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a Camunda user's groups into Spring Security authorities: one {@code GROUP_x} per group, plus the roles
 * Relay's URL rules use — ADMIN (camunda-admin), MANAGER (a queue's manager group or the fallback manager queue),
 * COMPLIANCE (relay-compliance), OPERATOR (relay-operators: reads /actuator/prometheus). The set of manager groups is remembered for relay.security.credentials-cache, like
 * a verified sign-in.
 */
@Component
public class RelayAuthorities {

    public static final String GROUP_PREFIX = "GROUP_";

    /** Members read the monitoring endpoints (/actuator/prometheus, /actuator/metrics) and nothing else of Relay. */
    public static final String OPERATORS_GROUP = "relay-operators";

    private final IdentityService identityService;
    private final RoutingQueueRepository queues;
    private final RoutingProperties routing;
    /** Which groups manage a queue: read for every sign-in, changed by an administrator now and then. */
    private final Cache<String, Set<String>> managerGroups;

    RelayAuthorities(IdentityService identityService, RoutingQueueRepository queues, RoutingProperties routing,
                     SecurityProperties properties) {
        this.identityService = identityService;
        this.queues = queues;
        this.routing = routing;
        this.managerGroups = Caffeine.newBuilder().expireAfterWrite(properties.credentialsCache()).build();
    }

    public Collection<GrantedAuthority> of(String userId) {
        List<String> groupIds = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        return of(groupIds);
    }

    public Collection<GrantedAuthority> of(Collection<String> groupIds) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        groupIds.forEach(g -> authorities.add(new SimpleGrantedAuthority(GROUP_PREFIX + g)));
        if (groupIds.contains(Groups.CAMUNDA_ADMIN)) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        Set<String> managing = managerGroups.get("all", any -> managerGroups());
        if (groupIds.stream().anyMatch(managing::contains)) {
            authorities.add(new SimpleGrantedAuthority("ROLE_MANAGER"));
        }
        if (groupIds.contains(Caller.COMPLIANCE_GROUP)) {
            authorities.add(new SimpleGrantedAuthority("ROLE_COMPLIANCE"));
        }
        if (groupIds.contains(OPERATORS_GROUP)) {
            authorities.add(new SimpleGrantedAuthority("ROLE_OPERATOR"));
        }
        return authorities;
    }

    /**
     * A queue's manager group changed: sign-ins after the change commits read the manager groups anew on this node
     * (other nodes within relay.security.credentials-cache). Invalidated at the commit, not before: the request making
     * the change signed in with the groups as they were and would otherwise have remembered those.
     */
    public void managerGroupsChanged() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    managerGroups.invalidateAll();
                }
            });
        } else {
            managerGroups.invalidateAll();
        }
    }

    private Set<String> managerGroups() {
        Set<String> managers = new HashSet<>();
        managers.add(routing.fallbackManagerQueue());
        queues.findAll().stream().map(RoutingQueue::getManagerGroupId).forEach(managers::add);
        managers.remove(null);
        return Set.copyOf(managers);
    }
}
