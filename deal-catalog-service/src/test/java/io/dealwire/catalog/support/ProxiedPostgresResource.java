package io.dealwire.catalog.support;

import io.dealwire.testsupport.PostgresServer;
import io.dealwire.testsupport.TcpProxy;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A fresh database on the shared PostgreSQL, reached by the app only through a {@link TcpProxy}
 * the test can cut and restore: a real database outage without stopping the server.
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
        testInjector.injectIntoFields(proxy,
                new TestInjector.AnnotatedAndMatchesType(InjectTcpProxy.class, TcpProxy.class));
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
