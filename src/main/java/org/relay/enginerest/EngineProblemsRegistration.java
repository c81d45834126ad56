package org.relay.enginerest;

import jakarta.servlet.ServletRegistration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.util.Map;

/**
 * Puts Relay's exception mappers on both Jersey applications that expose the engine: /engine-rest (the REST
 * starter's CamundaJerseyResourceConfig) and the web apps' engine API. The webapp starter registers the latter as a
 * servlet named "Engine Api" only when no servlet of that name exists yet: Relay registers it first, with the same
 * mapping and Camunda's application extended by the mappers ({@link WebappEngineApi}).
 */
@Configuration
class EngineProblemsRegistration {

    /** The name CamundaBpmWebappInitializer gives the servlet (and checks before adding its own). */
    static final String WEBAPP_ENGINE_API = "Engine Api";

    @Bean
    ResourceConfigCustomizer engineRestProblems() {
        return config -> EngineProblemMappers.all().forEach(config::register);
    }

    /**
     * Only with the web apps: their initializer maps the authentication and security filters that guard this path
     * (the servlet alone would answer without them).
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @ConditionalOnProperty(prefix = "camunda.bpm.webapp", name = "enabled", havingValue = "true", matchIfMissing = true)
    ServletContextInitializer webappEngineApiProblems(CamundaBpmProperties camunda) {
        return servletContext -> {
            ServletRegistration.Dynamic engineApi = servletContext.addServlet(WEBAPP_ENGINE_API, ServletContainer.class);
            engineApi.addMapping(camunda.getWebapp().getApplicationPath() + "/api/engine/*");
            engineApi.setInitParameters(Map.of("jakarta.ws.rs.Application", WebappEngineApi.class.getName()));
        };
    }
}
