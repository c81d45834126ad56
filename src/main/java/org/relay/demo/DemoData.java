package org.relay.demo;

import org.relay.referral.ReferralRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo team and referrals, once, on the embedded default or a PostgreSQL database made for the demo
 * (profiles {@code postgres,demo}); off in the postgres profile alone and in tests.
 */
@Component
@ConditionalOnProperty(name = "relay.demo.enabled", havingValue = "true")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DemoTeam team;
    private final DemoReferrals referrals;
    private final ReferralRepository repository;
    private final DemoHistory history;
    private final org.relay.analytics.ReportRollups rollups;

    DemoData(DemoTeam team, DemoReferrals referrals, ReferralRepository repository, DemoHistory history,
             org.relay.analytics.ReportRollups rollups) {
        this.rollups = rollups;
        this.team = team;
        this.history = history;
        this.referrals = referrals;
        this.repository = repository;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        team.ensure();
        if (repository.count() == 0) {
            history.create();
            referrals.create();
            rollups.refresh();
        }
        // every start, so the passwords are at hand on a database seeded earlier
        log.info("Demo data ready: log into Tasklist as bob / {} to review Kiara Thompson's mortgage referral. Demo users:{}",
                team.passwordOf("bob"), team.signInTable());
    }
}
