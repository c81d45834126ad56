package org.relay.analytics;

import jakarta.ws.rs.Path;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** Cockpit serves a plugin's app/plugin.js through the plugin's own JAX-RS root: /camunda/api/cockpit/plugin/relay-dashboard/static/… */
@Path("plugin/" + RelayCockpitPlugin.ID)
public class RelayDashboardRootResource extends AbstractCockpitPluginRootResource {

    public RelayDashboardRootResource() {
        super(RelayCockpitPlugin.ID);
    }
}
