package io.dealwire.digest.send;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Only one sender at a time, across every replica: a PostgreSQL session-level advisory lock, held
 * on a connection of its own for the whole send run. If the holder dies, PostgreSQL drops its
 * session and the lock with it, so another replica (or the restarted one) takes over.
 */
@ApplicationScoped
public class SenderLock {

    /** Advisory lock key of the digest sender ("dwsend"). */
    static final long KEY = 0x6477_7365_6e64L;

    @Inject
    AgroalDataSource dataSource;

    /** The lock, or empty when another sender holds it. */
    public Optional<Held> tryAcquire() throws SQLException {
        Connection connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")")) {
            if (result.next() && result.getBoolean(1)) {
                return Optional.of(new Held(connection));
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return Optional.empty();
    }

    public record Held(Connection connection) implements AutoCloseable {

        /**
         * Whether this session still holds the lock. If its connection died, PostgreSQL dropped the
         * lock and another replica may be sending: the run must stop before claiming anything more.
         */
        public boolean stillHeld() {
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                            + " AND granted AND pid = pg_backend_pid() AND classid = " + (KEY >>> 32)
                            + " AND objid = " + (KEY & 0xFFFF_FFFFL))) {
                return result.next() && result.getLong(1) > 0;
            } catch (SQLException e) {
                return false;
            }
        }

        @Override
        public void close() throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
            } finally {
                connection.close();
            }
        }
    }
}
