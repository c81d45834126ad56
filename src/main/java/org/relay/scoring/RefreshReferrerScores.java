package org.relay.scoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Refresh referrer scores": recency weights decay every day, even for referrers with no news. */
@Component("refreshReferrerScores")
class RefreshReferrerScores implements JavaDelegate {

    private final ReferrerStandings standings;

    RefreshReferrerScores(ReferrerStandings standings) {
        this.standings = standings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("referrersRefreshed", standings.refreshAll());
    }
}
