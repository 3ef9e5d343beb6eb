package io.dealwire.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The app's database behind a cuttable proxy, plus a direct connection for the test's own checks. */
public record DatabaseProxy(TcpProxy proxy, String directJdbcUrl, String user, String password) {

    public Connection direct() throws SQLException {
        return DriverManager.getConnection(directJdbcUrl, user, password);
    }

    /** The app loses its database: open connections drop, new ones are refused. */
    public void cut() {
        proxy.cut();
    }

    public void restore() {
        proxy.restore();
    }
}
