package io.dealwire.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A fresh database for the app, reached through a {@link TcpProxy} so a test can cut the database
 * away (an outage) and bring it back; the injected {@link DatabaseProxy} also reaches the database
 * directly, past the proxy, for the test's own checks.
 */
public class ProxiedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private PostgresServer server;
    private String database;
    private TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        server = PostgresServer.get();
        database = server.createDatabase();
        proxy = new TcpProxy(server.host(), server.port());
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database,
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void inject(TestInjector testInjector) {
        DatabaseProxy handle = new DatabaseProxy(proxy, server.jdbcUrl(database), server.user(), server.password());
        testInjector.injectIntoFields(handle,
                new TestInjector.AnnotatedAndMatchesType(InjectDatabaseProxy.class, DatabaseProxy.class));
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (database != null) {
            server.dropDatabase(database);
        }
    }
}
