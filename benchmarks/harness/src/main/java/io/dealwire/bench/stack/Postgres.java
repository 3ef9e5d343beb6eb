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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    private Path binDir;

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
        postgres.startServer();
        return postgres;
    }

    private void startServer() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    .setPort(port)
                    // the services of a run keep up to ~25 connections each
                    .setServerConfig("max_connections", "200")
                    // zonky turns this off for speed: then a commit the client saw can vanish in a crash,
                    // which is neither production nor what the fault tests are about
                    .setServerConfig("synchronous_commit", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL on port " + port, e);
        }
    }

    /** kill -9 of the postmaster (its pid is the first line of postmaster.pid): a crash, no checkpoint. */
    public void kill() {
        long pid = postmasterPid();
        try {
            // the binaries zonky unpacked: restart() needs their pg_ctl
            binDir = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe")).getParent();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find the PostgreSQL binaries of pid " + pid, e);
        }
        ProcStatus.signal(pid, "KILL");
        ProcessHandle.of(pid).ifPresent(handle -> handle.onExit().join());
    }

    /**
     * Starts the server again on the same data directory and port after {@link #kill()}; crash recovery
     * runs. {@code pg_ctl restart} on a stopped server starts it with the options of its last start
     * (postmaster.opts), so the port is the same; zonky's own instance, which holds a lock on the data
     * directory, is left alone and stops this server at {@link #close()} ({@code pg_ctl stop}).
     */
    public void restart() {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U")); // PostgreSQL refuses root, as zonky knows too
        }
        command.addAll(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l",
                dataDir.resolve("restart.log").toString(), "-w", "-t", "120", "restart", "-m", "fast"));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("pg_ctl-restart.out").toFile()).start();
            if (!process.waitFor(150, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("pg_ctl restart failed: "
                        + Files.readString(dataDir.resolve("pg_ctl-restart.out")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run pg_ctl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
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
