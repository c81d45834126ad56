package org.relay.engine;


import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.stereotype.Component;

/** Engine plugin: Camunda's identity provider replaced by {@link ReportingIdentityProvider} (same tables, same checks). */
@Component
@WrittenFor(camunda = "7.24.0")   // not switchable: sign-in throttling counts what it reports
class PasswordCheckReporting extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getIdentityProviderSessionFactory() != null) {
            throw new IllegalStateException("Another identity provider is configured; sign-in throttling needs"
                    + " Camunda's database identity provider (ReportingIdentityProvider)");
        }
        configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(ReportingIdentityProvider.class));
    }
}
