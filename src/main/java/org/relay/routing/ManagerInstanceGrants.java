package org.relay.routing;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.relay.referral.ReferralRepository;
import org.relay.security.EngineGrants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Managers see in Cockpit the lifecycles of the referrals in the queues they manage, and no others: each time a
 * referral's queue is set, its process instance is readable by that queue's manager group alone (a per-instance
 * READ grant, replacing the previous queue's). They read where it waits and its ids — the engine holds no customer
 * data — and act through Relay's API (reassign, re-plan), never through engine writes.
 */
@Component
public class ManagerInstanceGrants {

    private static final Logger log = LoggerFactory.getLogger(ManagerInstanceGrants.class);

    private final AuthorizationService authorizations;
    private final EngineGrants grants;
    private final ManagerQueues managerQueues;
    private final ReferralRepository referrals;

    ManagerInstanceGrants(AuthorizationService authorizations, EngineGrants grants, ManagerQueues managerQueues,
                          ReferralRepository referrals) {
        this.authorizations = authorizations;
        this.grants = grants;
        this.managerQueues = managerQueues;
        this.referrals = referrals;
    }

    /** A queue now escalates to another manager group: its open referrals' lifecycles move to that group. */
    public void queueManagersChanged(String queueId) {
        referrals.openLifecyclesOfQueue(queueId).forEach(instance -> queueChanged(instance, queueId));
    }

    /**
     * The first start after upgrading from a version whose managers read every lifecycle: grant each open one to its
     * queue's managers, once (afterwards routing keeps the grants).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void grantOpenLifecyclesOnce() {
        long perInstance = authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE).count()
                - authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE).resourceId("*").count();
        if (perInstance > 0) {
            return;
        }
        var open = referrals.openLifecycles();
        open.forEach(row -> queueChanged((String) row[0], (String) row[1]));
        if (!open.isEmpty()) {
            log.info("Granted {} open referral lifecycles to their queues' manager groups", open.size());
        }
    }

    /** The process instance of a referral now in this queue: readable by the queue's managers only. */
    /** A lifecycle routed for the first time: it holds no grant yet, so there is none to read or take back. */
    public void firstQueue(String processInstanceId, String queueId) {
        if (processInstanceId != null) {
            grants.addGrant(managerQueues.above(queueId), Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
        }
    }

    public void queueChanged(String processInstanceId, String queueId) {
        if (processInstanceId == null) {
            return;
        }
        String managers = managerQueues.above(queueId);
        boolean granted = false;
        // one query per routing (it is on every referral's creation): the instance's grants, read once
        for (Authorization existing : grants.groupGrantsOn(Resources.PROCESS_INSTANCE, processInstanceId)) {
            if (existing.getGroupId().equals(managers)) {
                granted = true;
            } else {
                grants.delete(existing);
            }
        }
        if (!granted) {
            grants.addGrant(managers, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
        }
    }
}
