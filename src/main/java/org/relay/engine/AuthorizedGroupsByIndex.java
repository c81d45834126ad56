package org.relay.engine;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.apache.ibatis.builder.StaticSqlSource;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which groups hold any authorization, read by jumping through the group index instead of reading every grant.
 *
 * <p>Before a command's first authorization check Camunda asks which groups appear in {@code ACT_RU_AUTHORIZATION}
 * ({@code selectAuthorizedGroupIds}: {@code select distinct GROUP_ID_}), to leave out the user's groups that hold no
 * grant. With authorization on, the engine grants each open task's assignee and candidate queue by rows in that
 * table — three per open referral — so that distinct read covers all of them: 30 ms of two parallel workers at
 * 100 000 open referrals, in every Tasklist, Cockpit and engine REST request (docs/benchmarks.md, work list). A
 * recursive query that asks Camunda's index on {@code GROUP_ID_} for the next group after the last one gives the same
 * groups with one index probe per group. PostgreSQL only, the database of production and of the tests; elsewhere (the
 * embedded demo's H2) the engine keeps its own statement.
 */
@Component
@ConditionalOnProperty(prefix = "relay.engine", name = "authorized-groups-by-index", havingValue = "true", matchIfMissing = true)
@WrittenFor(camunda = "7.24.0", switchedOffBy = "relay.engine.authorized-groups-by-index")
class AuthorizedGroupsByIndex extends AbstractProcessEnginePlugin {

    /** Camunda's statement (Authorization.xml), which the engine asks for by this name. */
    static final String CAMUNDA_STATEMENT = "selectAuthorizedGroupIds";
    static final String STATEMENT = "org.relay.engine.AuthorizedGroupsByIndex.selectAuthorizedGroupIds";

    /** Groups without NULL: Camunda only intersects the result with the user's groups, which are never null. */
    static final String SQL = """
            with recursive authorized (group_id) as (
              (select GROUP_ID_ from %1$sACT_RU_AUTHORIZATION where GROUP_ID_ is not null order by GROUP_ID_ limit 1)
              union all
              select (select A.GROUP_ID_ from %1$sACT_RU_AUTHORIZATION A where A.GROUP_ID_ > authorized.group_id
                      order by A.GROUP_ID_ limit 1)
              from authorized where authorized.group_id is not null
            )
            select group_id from authorized where group_id is not null""";

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
            return;
        }
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        synchronized (mybatis) {   // Camunda may share one MyBatis configuration between engines of a JVM
            if (!mybatis.hasStatement(STATEMENT, false)) {
                mybatis.addMappedStatement(statement(mybatis, configuration.getDatabaseTablePrefix()));
            }
        }
        DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
        // the engine's map is shared by every engine on PostgreSQL in this JVM: change a copy
        Map<String, String> mappings = sessions.getStatementMappings() == null
                ? new HashMap<>() : new HashMap<>(sessions.getStatementMappings());
        mappings.put(CAMUNDA_STATEMENT, STATEMENT);
        sessions.setStatementMappings(mappings);
    }

    private static MappedStatement statement(Configuration mybatis, String tablePrefix) {
        ResultMap groupIds = new ResultMap.Builder(mybatis, STATEMENT + "-Inline", String.class, new ArrayList<>()).build();
        return new MappedStatement.Builder(mybatis, STATEMENT,
                new StaticSqlSource(mybatis, SQL.formatted(tablePrefix == null ? "" : tablePrefix)), SqlCommandType.SELECT)
                .resultMaps(List.of(groupIds))
                .build();
    }
}
