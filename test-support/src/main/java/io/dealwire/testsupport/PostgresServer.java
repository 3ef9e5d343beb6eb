package io.dealwire.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL server the tests use, chosen once per JVM: the local server at 127.0.0.1:5432
 * when it answers, otherwise an embedded one (so the build passes on a machine without
 * PostgreSQL), or a container on Docker hosts. Each caller gets a database of its own.
 */
public final class PostgresServer {

    public static final String LOCAL_HOST = "127.0.0.1";
    public static final int LOCAL_PORT = 5432;

    private static PostgresServer instance;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String adminDatabase;
    private final String kind;
    private final AutoCloseable owned;

    private PostgresServer(String kind, String host, int port, String user, String password,
            String adminDatabase, AutoCloseable owned) {
        this.kind = kind;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.adminDatabase = adminDatabase;
        this.owned = owned;
    }

    public static synchronized PostgresServer get() {
        if (instance == null) {
            instance = choose();
            if (instance.owned != null) {
                Runtime.getRuntime().addShutdownHook(new Thread(instance::closeOwned, "postgres-shutdown"));
            }
        }
        return instance;
    }

    private static PostgresServer choose() {
        if (TestInfrastructure.useContainers()) {
            Containers.PostgresHandle pg = Containers.startPostgres();
            return new PostgresServer("container", pg.host(), pg.port(), pg.user(), pg.password(), "postgres", pg);
        }
        if (!TestInfrastructure.forceEmbeddedPostgres() && localServerAnswers()) {
            return new PostgresServer("local", LOCAL_HOST, LOCAL_PORT, "postgres", "", "postgres", null);
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            return new PostgresServer("embedded", "localhost", embedded.getPort(), "postgres", "postgres", "postgres",
                    embedded);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL", e);
        }
    }

    private static boolean localServerAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOCAL_HOST, LOCAL_PORT), 500);
        } catch (IOException e) {
            return false;
        }
        try (Connection ignored = DriverManager.getConnection(
                "jdbc:postgresql://" + LOCAL_HOST + ":" + LOCAL_PORT + "/postgres", "postgres", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Creates an empty database and returns its name. */
    public String createDatabase() {
        String name = "dealwire_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + name);
        return name;
    }

    public void dropDatabase(String name) {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** "local", "embedded" or "container". */
    public String kind() {
        return kind;
    }

    private void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(adminDatabase), user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL (" + kind + "): " + sql + " failed", e);
        }
    }

    private void closeOwned() {
        try {
            owned.close();
        } catch (Exception ignored) {
            // the JVM is exiting
        }
    }
}
