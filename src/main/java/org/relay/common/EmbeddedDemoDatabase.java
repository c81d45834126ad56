package org.relay.common;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Whether Relay runs on the embedded H2 database that {@code mvn spring-boot:run} starts (a file or in-memory database
 * inside Relay's own process), the only database where the demo's secrets and users are harmless: nobody but the
 * person who started it can reach it. An H2 server ({@code jdbc:h2:tcp:}, {@code jdbc:h2:ssl:}) and every other
 * database are real ones.
 */
public final class EmbeddedDemoDatabase {

    private EmbeddedDemoDatabase() {
    }

    public static boolean is(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return isUrl(connection.getMetaData().getURL());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database Relay runs on: " + e.getMessage(), e);
        }
    }

    public static boolean isUrl(String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
    }
}
