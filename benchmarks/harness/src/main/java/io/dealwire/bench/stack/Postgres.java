package io.dealwire.bench.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * An embedded PostgreSQL of our own (never the machine's shared server at 5432): a fixed port and a
 * data directory that survive a kill -9, so the fault tests can crash it and start it again on the
 * same address while the services keep their JDBC URLs.
 */
public final class Postgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    private Postgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** A new, empty cluster in {@code dataDir} on {@code port}. */
    public static Postgres start(Path dataDir, int port) {
        Postgres postgres = new Postgres(dataDir, port);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres.startServer(true);
        return postgres;
    }

    private void startServer(boolean clean) {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(clean)
                    .setPort(port)
                    // the services of a run keep up to ~25 connections each
                    .setServerConfig("max_connections", "200")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL on port " + port, e);
        }
    }

    /** kill -9 of the postmaster (its pid is the first line of postmaster.pid): a crash, no checkpoint. */
    public void kill() {
        long pid = postmasterPid();
        ProcStatus.signal(pid, "KILL");
        ProcessHandle.of(pid).ifPresent(handle -> handle.onExit().join());
    }

    /** Starts the server again on the same data directory and port, after {@link #kill()}; crash recovery runs. */
    public void restart() {
        startServer(false);
    }

    public long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("no postmaster.pid in " + dataDir, e);
        }
    }

    public void createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException | RuntimeException e) {
                // already gone (killed and not restarted): nothing left to stop
            }
        }
    }
}
