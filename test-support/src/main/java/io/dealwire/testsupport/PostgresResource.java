package io.dealwire.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives each started app a fresh database on the shared {@link PostgresServer}, and drops it
 * when the app stops, so tests never see each other's rows or an earlier run's.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private PostgresServer server;
    private String database;

    @Override
    public Map<String, String> start() {
        server = PostgresServer.get();
        database = server.createDatabase();
        return Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        if (database != null) {
            server.dropDatabase(database);
        }
    }
}
