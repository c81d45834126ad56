package org.relay.common;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Locale;

/** Which database Relay runs on, for the few statements that differ: PostgreSQL in production, H2 for the demo. */
public final class DatabaseVendor {

    private DatabaseVendor() {
    }

    public static boolean isPostgres(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
                connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
    }
}
