package org.relay.rewards;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.relay.common.ForbiddenException;
import org.relay.common.WithoutEngineUser;
import org.relay.security.Caller;
import org.relay.security.Callers;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Who runs the reward programme: the members of {@code relay.rewards.manager-group} (referral-managers) and
 * administrators. They decide rewards, read the ledger and reports, and export payouts; a referrer reads their own.
 */
@Component("rewardManagers")
public class RewardManagers {

    private final RewardProperties properties;
    private final Callers callers;
    private final IdentityService identityService;

    RewardManagers(RewardProperties properties, Callers callers, IdentityService identityService) {
        this.properties = properties;
        this.callers = callers;
        this.identityService = identityService;
    }

    /** The candidate group of the approval task (the BPMN reads it: ${rewardManagers.group}). */
    public String getGroup() {
        return properties.managerGroup();
    }

    public boolean isManager(Caller caller) {
        return caller.isAdmin() || caller.inGroup(properties.managerGroup());
    }

    public boolean isManager(String userId) {
        return WithoutEngineUser.run(identityService, () -> identityService.createGroupQuery().groupMember(userId)
                .groupIdIn(properties.managerGroup(), Groups.CAMUNDA_ADMIN).count() > 0);
    }

    Caller requireManager() {
        Caller caller = callers.current();
        if (!isManager(caller)) {
            throw ForbiddenException.of("problem.reward.managers-only", properties.managerGroup());
        }
        return caller;
    }

    /** A referrer's own rewards: them, the programme's managers and administrators. */
    Caller requireSelfOrManager(String referrerId) {
        Caller caller = callers.current();
        if (!caller.is(referrerId) && !isManager(caller)) {
            throw ForbiddenException.of("problem.reward.own-or-managers", referrerId);
        }
        return caller;
    }

    /** The managers who have an address, for the "cap reached" mail (each in their own language). */
    public List<User> withEmail() {
        return WithoutEngineUser.run(identityService, () -> identityService.createUserQuery()
                .memberOfGroup(properties.managerGroup()).list()).stream()
                .filter(u -> u.getEmail() != null && !u.getEmail().isBlank()).toList();
    }
}
