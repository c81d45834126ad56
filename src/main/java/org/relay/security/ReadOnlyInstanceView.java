package org.relay.security;

import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

import java.util.Set;

/**
 * A Cockpit plugin with no view of its own: its {@code plugin-webapp/relay-read-only/app/plugin.js} hides the
 * process instance page's engine writes (variables, cancel, suspend, retry) from users the engine only lets read the
 * instance — Relay's managers. The engine refuses those writes anyway; this keeps them from being offered.
 */
public class ReadOnlyInstanceView extends AbstractCockpitPlugin {

    public static final String ID = "relay-read-only";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(Resource.class);
    }

    /** Cockpit serves the plugin's static files through its own JAX-RS root. */
    @jakarta.ws.rs.Path("plugin/" + ID)
    public static class Resource extends org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource {

        public Resource() {
            super(ID);
        }
    }
}
