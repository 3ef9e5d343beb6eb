package io.dealwire.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The app's database behind a cuttable proxy, plus a direct connection for the test's own checks. */
public record DatabaseProxy(TcpProxy proxy, String directJdbcUrl, String user, String password) {

    public Connection direct() throws SQLException {
        Connection connection = DriverManager.getConnection(directJdbcUrl, user, password);
        // the test's own checks still write while the app's database refuses writes
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET default_transaction_read_only = off");
        }
        return connection;
    }

    /** The app loses its database: open connections drop, new ones are refused. */
    public void cut() {
        proxy.cut();
    }

    public void restore() {
        proxy.restore();
    }

    /**
     * The database answers but refuses every write (SQL state 25006), as a server turned read-only
     * (a failover to a replica, a full disk handled by an operator) does: every new session is
     * read-only and the app's open sessions are ended, so its pool reconnects into read-only ones.
     */
    public void refuseWrites() throws SQLException {
        setReadOnly(true);
    }

    /**
     * Writes are accepted again; the app's read-only sessions are ended so none of them lingers. A no-op
     * when writes were not refused, so that it can run after every test without breaking the app's pool.
     */
    public void acceptWrites() throws SQLException {
        if (refusesWrites()) {
            setReadOnly(false);
        }
    }

    private boolean refusesWrites() throws SQLException {
        try (Connection connection = DriverManager.getConnection(directJdbcUrl, user, password);
                Statement statement = connection.createStatement();
                var result = statement.executeQuery("SHOW default_transaction_read_only")) {
            return result.next() && "on".equals(result.getString(1));
        }
    }

    private void setReadOnly(boolean readOnly) throws SQLException {
        try (Connection connection = direct(); Statement statement = connection.createStatement()) {
            String database = connection.getCatalog().replace("\"", "\"\"");
            statement.execute("ALTER DATABASE \"" + database + "\" SET default_transaction_read_only = " + readOnly);
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
        }
    }
}
