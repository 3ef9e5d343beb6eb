package io.dealwire.catalog.consume;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.EOFException;
import java.net.SocketException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import javax.sql.DataSource;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a database outage (wait and retry the same events) from a failure that would repeat
 * forever (a bug, a constraint violation: the offending event is dead-lettered). Same idea as the
 * digest's classification, plus a probe: a failure the exception does not explain counts as an
 * outage only while PostgreSQL does not answer, so an outage reported in an unusual way (e.g. a
 * commit failing with a lost cause) is never mistaken for poison.
 */
@ApplicationScoped
public class DatabaseOutage {

    /**
     * Admin shutdown, crash shutdown, cannot connect now; too many connections; serialization
     * failure and deadlock (another instance writing the same rows: passes on retry).
     */
    private static final Set<String> OUTAGE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "40001", "40P01");

    private final DataSource dataSource;

    public DatabaseOutage(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean isOutage(Throwable failure) {
        return explainedAsOutage(failure) || !databaseAnswers();
    }

    /** The failure itself says the database is unreachable or unavailable. */
    static boolean explainedAsOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof JDBCConnectionException || t instanceof SocketException
                    || t instanceof EOFException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || OUTAGE_STATES.contains(state))) {
                    return true;
                }
                // Agroal's pool timeout carries no SQL state
                if (state == null && String.valueOf(sql.getMessage()).contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(5);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
