package io.dealwire.digest.send;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Only one sender at a time, across every replica: a PostgreSQL session-level advisory lock, held
 * on a connection of its own for the whole send run. If the holder dies, PostgreSQL drops its
 * session and the lock with it, so another replica (or the restarted one) takes over.
 * <p>
 * The connection is a plain JDBC one opened from the datasource's own settings, outside the pool
 * and the transaction manager: the lock lives as long as its session, so nothing but this class may
 * close, validate, reset or reuse that session. It carries the application name
 * {@value #APPLICATION_NAME}, so operators can find it in {@code pg_stat_activity}; its backend pid is
 * logged when the lock is taken (debug) and when it is lost (warning).
 */
@ApplicationScoped
public class SenderLock {

    private static final Logger LOG = Logger.getLogger(SenderLock.class);

    /** Advisory lock key of the digest sender ("dwsend"). */
    static final long KEY = 0x6477_7365_6e64L;

    /** The lock session's {@code application_name} in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "dealwire-digest-sender-lock";

    private final String jdbcUrl;
    private final Optional<String> username;
    private final Optional<String> password;

    SenderLock(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    /** The lock, or empty when another sender holds it. */
    public Optional<Held> tryAcquire() throws SQLException {
        Connection connection = connect();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT pg_try_advisory_lock(" + KEY + "), pg_backend_pid()")) {
            if (result.next() && result.getBoolean(1)) {
                int pid = result.getInt(2);
                LOG.debugf("Sender lock taken by backend pid %d", pid);
                return Optional.of(new Held(connection, pid));
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return Optional.empty();
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    /** A taken lock and the session that holds it; closing it releases the lock and ends the session. */
    public static final class Held implements AutoCloseable {

        private final Connection connection;
        private final int pid;
        private volatile boolean lost;

        Held(Connection connection, int pid) {
            this.connection = connection;
            this.pid = pid;
        }

        /** The backend pid of the session holding the lock ({@code pg_backend_pid()} on its connection). */
        public int pid() {
            return pid;
        }

        /** The lock's own connection (tests only). */
        Connection connection() {
            return connection;
        }

        /**
         * Whether this session still holds the lock. If its connection died, PostgreSQL dropped the
         * lock and another replica may be sending: the run must stop before claiming anything more.
         */
        public boolean stillHeld() {
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                            + " AND granted AND pid = pg_backend_pid() AND classid = " + (KEY >>> 32)
                            + " AND objid = " + (KEY & 0xFFFF_FFFFL))) {
                if (result.next() && result.getLong(1) > 0) {
                    return true;
                }
                lost("its session no longer holds it");
                return false;
            } catch (SQLException e) {
                lost("its session ended: " + e.getMessage());
                return false;
            }
        }

        private void lost(String why) {
            lost = true;
            LOG.warnf("Sender lock lost (backend pid %d, application_name %s): %s", pid, APPLICATION_NAME, why);
        }

        /**
         * Releases the lock (synchronously, so the next run can take it at once) and closes the session.
         * A session that already ended has nothing left to release: that is noted, never thrown.
         */
        @Override
        public void close() {
            try {
                if (!lost && !connection.isClosed()) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
                    }
                    LOG.debugf("Sender lock released by backend pid %d", pid);
                } else {
                    LOG.debugf("Sender lock session (backend pid %d) already gone: nothing to release", pid);
                }
            } catch (SQLException e) {
                // the session ended meanwhile: PostgreSQL dropped the lock with it
                LOG.infof("Sender lock session (backend pid %d) ended before the release: %s", pid, e.getMessage());
            } finally {
                try {
                    connection.close();
                } catch (SQLException e) {
                    LOG.debugf("Closing the sender lock's connection (backend pid %d): %s", pid, e.getMessage());
                }
            }
        }
    }
}
