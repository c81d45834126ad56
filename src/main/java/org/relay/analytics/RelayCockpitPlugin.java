package org.relay.analytics;

import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

import java.util.Set;

/**
 * Registers the Relay dashboard with Cockpit (Java service loader, META-INF/services): Cockpit then loads
 * {@code plugin-webapp/relay-dashboard/app/plugin.js} from the classpath, a dashboard plugin that draws the
 * reports of {@code /api/reports} with ECharts.
 */
public class RelayCockpitPlugin extends AbstractCockpitPlugin {

    public static final String ID = "relay-dashboard";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(RelayDashboardRootResource.class);
    }
}
