package org.relay.tasklist;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.relay.activity.ActivityLog;
import org.relay.catalog.Catalog;
import org.relay.common.Money;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.referral.Referral;
import org.relay.referral.ReferralRepository;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Task listener on the review and work tasks: writes the columns Tasklist's list shows (reference, customer,
 * interest, value, lead score, last activity) and a title naming customer and product onto the task itself, read
 * from Relay's record. They are the only
 * copy of the referral's data in the engine, and only task-local: the engine lets read them exactly those who may
 * read the task — its assignee and candidate queue, whom Relay's rules let see the referral — and administrators.
 * Nothing in the process instance's own variables names the customer.
 */
@Component("showInTaskList")
public class ShowInTaskList implements TaskListener {

    private final ReferralRepository referrals;
    private final Catalog catalog;
    private final ActivityLog activities;

    ShowInTaskList(ReferralRepository referrals, Catalog catalog, ActivityLog activities) {
        this.referrals = referrals;
        this.catalog = catalog;
        this.activities = activities;
    }

    @Override
    public void notify(DelegateTask task) {
        Referral referral = referrals.require(LifecycleVariables.referralId(task));
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("listReference", referral.getReferenceNumber());
        columns.put("listCustomer", referral.getCustomer().getName());
        columns.put("listInterest", catalog.productLabel(referral.getExpressedInterest()));
        columns.put("listValue", Money.format(referral.getInterestAmount(), referral.getInterestCurrency(), "-"));
        columns.put("listLeadScore", referral.getLeadScore());
        // a referral nobody has worked on yet (every new one) has no activity to look up
        String lastActivity = referral.getLastActivityAt() == null ? null : activities.lastActivityLine(referral.getId());
        columns.put("listLastActivity", lastActivity == null ? "none yet" : lastActivity);   // Tasklist prints null as <Empty>
        task.setVariablesLocal(columns);
        // the card's title says whose and what ("Review referral: Kiara Thompson, Mortgage"); like the columns, only
        // those who may read the task read it
        task.setName(task.getName() + ": " + referral.getCustomer().getName() + ", " + columns.get("listInterest"));
    }
}
