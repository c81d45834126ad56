package org.relay.cockpit;

import jakarta.ws.rs.Path;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** Cockpit serves the plugin's app/plugin.js through its own JAX-RS root: /camunda/api/cockpit/plugin/relay-referrals/static/… */
@Path("plugin/" + RelayReferralsCockpitPlugin.ID)
public class RelayReferralsRootResource extends AbstractCockpitPluginRootResource {

    public RelayReferralsRootResource() {
        super(RelayReferralsCockpitPlugin.ID);
    }
}
