package org.relay.engine;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.junit.jupiter.api.Test;
import org.relay.support.RelayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine inserts through Relay's entity manager, and still refuses an invalid id with Camunda's message. */
class IdCheckWithoutToStringTest extends RelayIntegrationTest {

    @Test
    void the_engine_inserts_through_relays_entity_manager() {
        ByteArrayEntity row = new ByteArrayEntity("relay-id-check", new byte[]{1});

        DbEntityManager used = run(context -> {
            context.getDbEntityManager().insert(row);
            return context.getDbEntityManager();
        });

        assertThat(used).isInstanceOf(IdCheckWithoutToString.CheckingEntityManager.class);
        ByteArrayEntity inserted = run(context -> context.getDbEntityManager().selectById(ByteArrayEntity.class, row.getId()));
        assertThat(inserted.getName()).isEqualTo("relay-id-check");
        run(context -> {
            context.getDbEntityManager().delete(context.getDbEntityManager().selectById(ByteArrayEntity.class, row.getId()));
            return null;
        });
    }

    @Test
    void the_reserved_id_is_refused_with_the_engines_message_naming_the_row() {
        ByteArrayEntity row = new ByteArrayEntity("relay-id-check", new byte[]{1});
        row.setId("*");

        assertThatThrownBy(() -> run(context -> {
            context.getDbEntityManager().insert(row);
            return null;
        })).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Entity ByteArrayEntity[id=*")
                .hasMessageContaining("has an invalid id")
                .hasMessageContaining("cannot be *");
    }

    private <T> T run(Command<T> command) {
        return ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired().execute(command);
    }
}
