package org.relay.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.relay.routing.RoutingProperties;
import org.relay.routing.RoutingQueue;
import org.relay.routing.RoutingQueueRepository;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a Camunda user's groups into Spring Security authorities: one {@code GROUP_x} per group, plus the roles
 * Relay's URL rules use — ADMIN (camunda-admin), MANAGER (a queue's manager group or the fallback manager queue),
 * COMPLIANCE (relay-compliance).
 */
@Component
public class RelayAuthorities {

    public static final String GROUP_PREFIX = "GROUP_";

    private final IdentityService identityService;
    private final RoutingQueueRepository queues;
    private final RoutingProperties routing;

    RelayAuthorities(IdentityService identityService, RoutingQueueRepository queues, RoutingProperties routing) {
        this.identityService = identityService;
        this.queues = queues;
        this.routing = routing;
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
        if (groupIds.stream().anyMatch(managerGroups()::contains)) {
            authorities.add(new SimpleGrantedAuthority("ROLE_MANAGER"));
        }
        if (groupIds.contains(Caller.COMPLIANCE_GROUP)) {
            authorities.add(new SimpleGrantedAuthority("ROLE_COMPLIANCE"));
        }
        return authorities;
    }

    private Set<String> managerGroups() {
        Set<String> managers = new HashSet<>();
        managers.add(routing.fallbackManagerQueue());
        queues.findAll().stream().map(RoutingQueue::getManagerGroupId).forEach(managers::add);
        return managers;
    }
}
