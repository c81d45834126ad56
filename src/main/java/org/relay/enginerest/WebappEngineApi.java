package org.relay.enginerest;

import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;

import java.util.HashSet;
import java.util.Set;

/**
 * The engine API Tasklist and Cockpit call (/camunda/api/engine/...): Camunda's own application with Relay's
 * exception mappers added, so the web apps' users get the same answers as /engine-rest callers.
 */
public class WebappEngineApi extends EngineRestApplication {

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new HashSet<>(super.getClasses());
        classes.addAll(EngineProblemMappers.all());
        return classes;
    }
}
