package org.relay.cockpit;

import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

import java.util.Set;

/**
 * Relay's referral pages in Cockpit (Java service loader, META-INF/services): Cockpit loads
 * {@code plugin-webapp/relay-referrals/app/plugin.js}, which adds the pages #/relay/referral?ref=… (a referral's
 * story) and #/relay/referrals?… (a list: a search or a dashboard drill-down), a "Referrals" entry in the header and
 * a "Referral" tab on a lifecycle's process instance view. The pages read Relay's API with the Cockpit session, so
 * Relay's access rules decide what a manager sees.
 */
public class RelayReferralsCockpitPlugin extends AbstractCockpitPlugin {

    public static final String ID = "relay-referrals";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(RelayReferralsRootResource.class);
    }
}
