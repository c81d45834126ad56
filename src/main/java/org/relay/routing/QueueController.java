package org.relay.routing;

import org.relay.queue.RoutingQueueRepository;
import org.relay.queue.RoutingQueue;
import org.relay.common.DirectoryNames;
import org.relay.security.EngineAuthorizations;
import org.relay.security.RelayAuthorities;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.relay.common.InvalidRequestException;
import org.relay.common.NotFoundException;
import org.relay.tasklist.TasklistFilters;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Queues are Camunda groups (managed in the Admin webapp); this API sets where each one escalates to and creates
 * its Tasklist filter and the group's Tasklist authorizations.
 */
@RestController
@RequestMapping("/api/queues")
class QueueController {

    record QueueSettings(@NotBlank @Size(max = 64) String managerGroupId,
                         @Size(max = 64) @jakarta.validation.constraints.Pattern(regexp = "^[A-Za-z0-9_-]*$",
                                 message = "{problem.routing.line-of-business}") String lineOfBusiness) {
    }

    record QueueView(String groupId, String name, String managerGroupId, String lineOfBusiness) {
    }

    private final RoutingQueueRepository queues;
    private final IdentityService identityService;
    private final TasklistFilters filters;
    private final EngineAuthorizations authorizations;
    private final ManagerInstanceGrants managerGrants;
    private final RelayAuthorities relayAuthorities;

    QueueController(RoutingQueueRepository queues, IdentityService identityService, TasklistFilters filters,
                    EngineAuthorizations authorizations, ManagerInstanceGrants managerGrants,
                    RelayAuthorities relayAuthorities) {
        this.relayAuthorities = relayAuthorities;
        this.authorizations = authorizations;
        this.managerGrants = managerGrants;
        this.queues = queues;
        this.identityService = identityService;
        this.filters = filters;
    }

    @GetMapping
    List<QueueView> list() {
        return queues.findAll().stream().map(q -> new QueueView(q.getGroupId(), groupName(q.getGroupId()),
                q.getManagerGroupId(), q.getLineOfBusiness())).toList();
    }

    /** A queue's members by name, for the Review form's reassign picker (colleagues' names, nothing about referrals). */
    @GetMapping("/{groupId}/members")
    List<Member> members(@PathVariable String groupId) {
        if (!queues.existsById(groupId)) {
            throw NotFoundException.of("problem.common.no-queue", groupId);
        }
        return identityService.createUserQuery().memberOfGroup(groupId).orderByUserFirstName().asc().list().stream()
                .map(user -> new Member(user.getId(), DirectoryNames.of(user)))
                .toList();
    }

    /** A member as the picker lists them: the user id and the display name ("Bob Chen", or the id). */
    record Member(String userId, String name) {
    }

    @PutMapping("/{groupId}")
    @Transactional
    public QueueView configure(@PathVariable String groupId, @Valid @RequestBody QueueSettings settings) {
        Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
        if (group == null) {
            throw NotFoundException.of("problem.routing.no-group", groupId);
        }
        if (identityService.createGroupQuery().groupId(settings.managerGroupId()).count() == 0) {
            throw InvalidRequestException.of("managerGroupId", "problem.routing.unknown-group",
                    settings.managerGroupId());
        }
        RoutingQueue queue = queues.findById(groupId).orElseGet(() -> new RoutingQueue(groupId, settings.managerGroupId()));
        queue.escalatesTo(settings.managerGroupId());
        queue.belongsTo(settings.lineOfBusiness() == null || settings.lineOfBusiness().isBlank() ? null : settings.lineOfBusiness());
        queues.save(queue);
        filters.ensureQueue(groupId, group.getName() == null ? groupId : group.getName());
        authorizations.ensure();
        managerGrants.queueManagersChanged(groupId);   // rare, and idempotent: no grant changes unless the managers did
        relayAuthorities.managerGroupsChanged();   // who is a manager (Relay's URL rules) follows at once on this node
        return new QueueView(groupId, group.getName(), queue.getManagerGroupId(), queue.getLineOfBusiness());
    }

    private String groupName(String groupId) {
        Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
        return group == null ? null : group.getName();
    }
}
