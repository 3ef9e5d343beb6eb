package io.dealwire.digest.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import io.dealwire.testsupport.DatabaseProxy;
import io.dealwire.digest.support.DigestFlows;
import io.dealwire.testsupport.InjectDatabaseProxy;
import io.dealwire.testsupport.ProxiedPostgresResource;
import io.dealwire.testsupport.GreenMailResource;
import io.dealwire.testsupport.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * The sender re-checks its advisory lock before every claim: when the lock's database session ends
 * (PostgreSQL then drops the lock and another replica may send), the check says so. The lock lives on
 * a plain JDBC session of its own, never a pooled one. Only the held lock's own backend is ever
 * terminated here: the PostgreSQL server is shared with other builds, whose databases hold the same
 * key (advisory locks are per database).
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
@WithTestResource(GreenMailResource.class)
class SenderLockTest {

    @Inject
    SenderLock lock;

    @Inject
    DigestSender sender;

    @InjectDatabaseProxy
    DatabaseProxy database;

    @Test
    void shouldNoticeThatTheLockIsGoneWhenItsSessionEnds() throws Exception {
        await().atMost(DigestFlows.PATIENCE).until(sender::isIdle);
        SenderLock.Held held = lock.tryAcquire().orElseThrow();
        try {
            assertThat(held.stillHeld()).isTrue();

            assertThat(terminate(held.pid())).isTrue();

            assertThat(held.stillHeld()).isFalse();
        } finally {
            // its session is gone: nothing left to unlock, and nothing thrown
            assertThatCode(held::close).doesNotThrowAnyException();
        }
        // PostgreSQL drops the lock as the terminated backend exits; then the next run takes it on a fresh session
        await().atMost(DigestFlows.PATIENCE).until(() -> advisoryLocksOf(held.pid()) == 0);
        try (SenderLock.Held again = lock.tryAcquire().orElseThrow()) {
            assertThat(again.pid()).isNotEqualTo(held.pid());
            assertThat(again.stillHeld()).isTrue();
        }
    }

    @Test
    void shouldHoldTheLockOnASessionOfItsOwnOutsideThePool() throws Exception {
        await().atMost(DigestFlows.PATIENCE).until(sender::isIdle);
        int pid;
        try (SenderLock.Held held = lock.tryAcquire().orElseThrow()) {
            pid = held.pid();
            // a plain pgjdbc connection, not an Agroal handle
            assertThat(held.connection()).isInstanceOf(PGConnection.class);
            assertThat(((PGConnection) held.connection()).getBackendPID()).isEqualTo(pid);
            try (Connection direct = database.direct();
                    PreparedStatement statement = direct.prepareStatement("SELECT a.application_name,"
                            + " a.datname = current_database(), l.granted FROM pg_stat_activity a JOIN pg_locks l"
                            + " ON l.pid = a.pid AND l.locktype = 'advisory' AND l.database = a.datid"
                            + " AND l.classid = " + (SenderLock.KEY >>> 32) + " AND l.objid = " + (SenderLock.KEY & 0xFFFF_FFFFL)
                            + " WHERE a.pid = ?")) {
                statement.setInt(1, pid);
                try (ResultSet result = statement.executeQuery()) {
                    assertThat(result.next()).as("the lock's session holds the lock, seen in pg_stat_activity").isTrue();
                    assertThat(result.getString(1)).isEqualTo(SenderLock.APPLICATION_NAME);
                    assertThat(result.getBoolean(2)).as("in this test's database").isTrue();
                    assertThat(result.getBoolean(3)).isTrue();
                }
            }
        }
        // released on close (synchronously: the next run may take it at once)
        assertThat(advisoryLocksOf(pid)).isZero();
    }

    private long advisoryLocksOf(int pid) throws SQLException {
        try (Connection direct = database.direct();
                PreparedStatement statement = direct.prepareStatement("SELECT count(*) FROM pg_locks"
                        + " WHERE locktype = 'advisory' AND pid = ?")) {
            statement.setInt(1, pid);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** Ends exactly the lock's own session, by its backend pid (never another build's). */
    private boolean terminate(int pid) throws SQLException {
        try (Connection direct = database.direct();
                PreparedStatement statement = direct.prepareStatement("SELECT pg_terminate_backend(pid)"
                        + " FROM pg_stat_activity WHERE pid = ? AND datname = current_database()")) {
            statement.setInt(1, pid);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
