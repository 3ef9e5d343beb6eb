package io.dealwire.digest.send;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The sender re-checks its advisory lock before every claim: when the lock's database session ends
 * (PostgreSQL then drops the lock and another replica may send), the check says so.
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

            try (Connection direct = database.direct(); Statement statement = direct.createStatement()) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'"
                        + " AND classid = " + (SenderLock.KEY >>> 32) + " AND objid = " + (SenderLock.KEY & 0xFFFF_FFFFL));
            }

            assertThat(held.stillHeld()).isFalse();
        } finally {
            try {
                held.close();
            } catch (SQLException expected) {
                // its session is gone: nothing left to unlock
            }
        }
    }
}
