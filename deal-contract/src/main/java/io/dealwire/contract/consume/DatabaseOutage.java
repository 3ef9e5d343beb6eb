package io.dealwire.contract.consume;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.Set;

/**
 * The one rule every consumer of {@code dealwire.deals.v1} uses to tell a database outage (stop
 * acknowledging, back off, retry the same records) from a record the database rejects (poison).
 *
 * <p>The record is at fault only when PostgreSQL rejects its values: SQL state classes 22 (data
 * exception) and 23 (integrity constraint violation). Any other answer from the database — lost
 * connection (08), read-only transaction (25006), disk full (53100), too many connections (53300),
 * permission denied (42501), an undefined table after a bad migration (42P01), a statement timeout
 * (57014), a shutdown (57P01), a serialization failure (40001), a pool that hands out no connection,
 * a commit the transaction manager could not finish — passes when the database is repaired, so it is
 * an outage. A failure with nothing of the database in it is a bug in the consumer, not an outage:
 * waiting would block the partition forever, so callers dead-letter it with its reason for a re-drive
 * after the fix.
 */
public final class DatabaseOutage {

    /** Failures of the persistence and transaction layers that carry no SQLException but pass on retry. */
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "jakarta.persistence.OptimisticLockException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.QueryTimeoutException",
            "jakarta.transaction.RollbackException",
            "jakarta.transaction.SystemException",
            "jakarta.transaction.HeuristicMixedException",
            "jakarta.transaction.HeuristicRollbackException");

    private DatabaseOutage() {
    }

    /** Whether {@code failure} is the database being unavailable, rather than the record or a bug. */
    public static boolean isOutage(Throwable failure) {
        boolean fromTheDatabase = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                if (rejectsTheValues(sql.getSQLState())) {
                    return false;
                }
                fromTheDatabase = true;
            } else if (t instanceof SocketException || t instanceof EOFException || isTransientType(t.getClass())) {
                fromTheDatabase = true;
            }
        }
        return fromTheDatabase;
    }

    /** SQL state classes 22 and 23: this row can never be written, whatever the database's state. */
    private static boolean rejectsTheValues(String sqlState) {
        return sqlState != null && (sqlState.startsWith("22") || sqlState.startsWith("23"));
    }

    private static boolean isTransientType(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (TRANSIENT_TYPES.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }
}
