package io.dealwire.digest.deals;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;

/**
 * Tells an unreachable or failing database (wait and retry the same record) from a record the
 * database rejects for its content (SQL states 22 data exception, 23 integrity violation: poison).
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean isOutage(Throwable failure) {
        boolean databaseRelated = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                    return false;
                }
                databaseRelated = true;
            }
            if (t instanceof PersistenceException || t instanceof jakarta.transaction.SystemException
                    || t instanceof jakarta.transaction.RollbackException
                    || t.getClass().getName().startsWith("org.hibernate.exception.")) {
                databaseRelated = true;
            }
        }
        return databaseRelated;
    }
}
