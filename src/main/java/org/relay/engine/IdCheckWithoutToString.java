package org.relay.engine;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's id check on every row it inserts, without the entity's {@code toString()}.
 *
 * <p>Camunda 7.24 checks each new entity's id (not null, not {@code *}) with an error message it builds before the
 * check, from the entity's {@code toString()}, which for history events lists every field. That string building was
 * 85 % of the engine's insert calls and 3 % of the CPU of a referral's creation and of an escalation's jobs
 * (docs/benchmarks.md). Relay's entity manager makes the same check and leaves the message to Camunda's own code,
 * reached only for an invalid id. 7.24 is the last community release, so this engine internal will not move.
 */
@Component
@ConditionalOnProperty(prefix = "relay.engine", name = "id-check-without-to-string", havingValue = "true", matchIfMissing = true)
@WrittenFor(camunda = "7.24.0", switchedOffBy = "relay.engine.id-check-without-to-string")
class IdCheckWithoutToString extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getSessionFactories().put(DbEntityManager.class,
                new CheckingFactory(configuration.getIdGenerator()));
    }

    static final class CheckingFactory extends DbEntityManagerFactory {

        CheckingFactory(IdGenerator idGenerator) {
            super(idGenerator);
        }

        @Override
        public DbEntityManager openSession() {
            return new CheckingEntityManager(idGenerator,
                    Context.getCommandContext().getSession(PersistenceSession.class));
        }
    }

    static final class CheckingEntityManager extends DbEntityManager {

        CheckingEntityManager(IdGenerator idGenerator, PersistenceSession session) {
            super(idGenerator, session);
        }

        @Override
        protected void validateId(DbEntity entity) {
            String id = entity.getId();
            if (id == null || Authorization.ANY.equals(id)) {
                super.validateId(entity);   // throws, with Camunda's message
            }
        }
    }
}
