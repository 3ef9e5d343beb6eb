package io.dealwire.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * The PostgreSQL the services use: the local server at 127.0.0.1:5432 when it lets user
 * {@code postgres} in without a password, otherwise an embedded one whose data lives in the state
 * directory. Catalog and digest share one database and keep to their own schemas.
 */
public final class PostgresChoice implements AutoCloseable {

    public static final String LOCAL_HOST = "127.0.0.1";
    public static final int LOCAL_PORT = 5432;
    private static final int EMBEDDED_PORT = 5433;
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final String kind;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String database;
    private final EmbeddedPostgres embedded;

    private PostgresChoice(String kind, String host, int port, String user, String password, String database,
            EmbeddedPostgres embedded) {
        this.kind = kind;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.database = database;
        this.embedded = embedded;
    }

    /**
     * @param fresh drop the database first, so the stack starts from nothing (demo, tests)
     */
    public static PostgresChoice choose(Path dataDir, String database, boolean fresh, boolean forceEmbedded) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        PostgresChoice choice = !forceEmbedded && localServerAnswers()
                ? new PostgresChoice("local", LOCAL_HOST, LOCAL_PORT, "postgres", "", database, null)
                : embedded(dataDir, database, fresh);
        if (fresh) {
            choice.dropDatabase();
        }
        choice.createDatabaseIfMissing();
        return choice;
    }

    private static PostgresChoice embedded(Path dataDir, String database, boolean fresh) {
        try {
            if (fresh) {
                Directories.delete(dataDir);
            }
            Files.createDirectories(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(FreePorts.preferred(EMBEDDED_PORT))
                    .start();
            return new PostgresChoice("embedded", "localhost", postgres.getPort(), "postgres", "postgres", database,
                    postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL", e);
        }
    }

    static boolean localServerAnswers() {
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

    private void createDatabaseIfMissing() {
        try (Connection connection = admin();
                PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet result = query.executeQuery()) {
                if (result.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + " on " + describe(), e);
        }
    }

    /** Drops the database even while clients are still connected (PostgreSQL 13+). */
    public void dropDatabase() {
        try (Connection connection = admin(); Statement drop = connection.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop database " + database + " on " + describe(), e);
        }
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String database() {
        return database;
    }

    /** "local" or "embedded". */
    public String kind() {
        return kind;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public String describe() {
        return kind + " PostgreSQL at " + host + ":" + port;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
            }
        }
    }
}
