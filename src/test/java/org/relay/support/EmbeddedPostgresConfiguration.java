package org.relay.support;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.io.IOException;

/**
 * A real PostgreSQL server (binaries from Maven Central, started from target/) for the whole test run. The server is
 * a bean the DataSource depends on, so Spring stops the engine before the database at shutdown.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        // Spring stops it after the engine; zonky's own JVM hook would race the context's shutdown
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
        if (Boolean.getBoolean("relay.bench.statements")) {
            // the intake benchmark's statement counts (pg_stat_statements must be loaded at server start)
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        EmbeddedPostgres postgres = builder.start();
        CpuTime.measurePostgresOnPort(postgres.getPort());   // the benchmarks' readings: this server, not others'
        return postgres;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        dataSource.setMaximumPoolSize(10);
        dataSource.setConnectionTimeout(5_000);
        // as in production (application-postgres.yaml): LLVM compile time dominates Relay's wide report aggregates
        dataSource.setConnectionInitSql("set jit = off");
        return dataSource;
    }
}
