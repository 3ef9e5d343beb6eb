package io.dealwire.bench.digest;

import io.dealwire.bench.stack.JavaProcess;
import io.dealwire.bench.stack.Postgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/** The digest's own tables, read (and, for subscribers, written) directly. */
final class DigestDb implements AutoCloseable {

    /** The send ledger of one issue. */
    record Deliveries(int sent, int other, double seconds) {
    }

    static final String SUBSCRIBER_DOMAIN = "bench.dealwire.local";

    private final Connection connection;

    DigestDb(Postgres postgres, String database) throws SQLException {
        this.connection = postgres.connect(database);
    }

    static String email(int index) {
        return "subscriber-" + index + "@" + SUBSCRIBER_DOMAIN;
    }

    void awaitDeals(int count, JavaProcess digest, Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (seen < count) {
            if (!digest.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the digest has " + seen + " of " + count + " deals: "
                        + digest.process().diagnostics());
            }
            Thread.sleep(500);
            seen = queryInt("SELECT count(*) FROM digest.deal");
        }
    }

    /** Confirmed subscribers with no filter (every deal matches), as the double opt-in leaves them. */
    void insertConfirmedSubscribers(int count) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO digest.subscriber"
                + " (email, name, status, created_at, confirmed_at) VALUES (?, ?, 'CONFIRMED', ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < count; i++) {
                insert.setString(1, email(i));
                insert.setString(2, "Subscriber " + i);
                insert.setTimestamp(3, now);
                insert.setTimestamp(4, now);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Waits until no delivery of the week is open, then reads the ledger's first and last sent_at. */
    Deliveries awaitDeliveries(String week, int expected, JavaProcess digest, Duration timeout)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int open = queryInt("SELECT count(*) FROM digest.delivery WHERE week = '" + week
                    + "' AND status IN ('PENDING', 'SENDING')");
            int all = queryInt("SELECT count(*) FROM digest.delivery WHERE week = '" + week + "'");
            if (all >= expected && open == 0) {
                break;
            }
            if (!digest.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("deliveries of " + week + " still open: " + open + " of " + all
                        + "; " + digest.process().diagnostics());
            }
            Thread.sleep(500);
        }
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FILTER (WHERE status = 'SENT'),"
                        + " count(*) FILTER (WHERE status <> 'SENT'),"
                        + " extract(epoch FROM max(sent_at) - min(sent_at))"
                        + " FROM digest.delivery WHERE week = '" + week + "'")) {
            result.next();
            return new Deliveries(result.getInt(1), result.getInt(2), result.getDouble(3));
        }
    }

    int queryInt(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0; // not migrated yet
            }
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
