package io.dealwire.contract.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one outage rule of the consumers: only classes 22 and 23 blame the record. */
class DatabaseOutageTest {

    @ParameterizedTest
    @ValueSource(strings = {"08006", "08001", "25006", "53100", "53300", "42501", "42P01", "57014", "57P01",
            "57P03", "40001", "40P01", "XX000"})
    void shouldWaitOutEveryOtherDatabaseAnswer(String sqlState) {
        SQLException cause = new SQLException("the database said " + sqlState, sqlState);
        assertThat(DatabaseOutage.isOutage(cause)).isTrue();
        // however deep the persistence layers wrap it
        assertThat(DatabaseOutage.isOutage(new IllegalStateException("commit failed", new RuntimeException(cause))))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"22001", "22003", "22P02", "23505", "23514", "23502"})
    void shouldBlameTheRecordWhenTheDatabaseRejectsItsValues(String sqlState) {
        assertThat(DatabaseOutage.isOutage(new SQLException("rejected", sqlState))).isFalse();
        assertThat(DatabaseOutage.isOutage(new RuntimeException(new BatchUpdateException("batch entry 0 was aborted",
                sqlState, new int[0])))).isFalse();
    }

    @Test
    void shouldTakeAPoolWithoutConnectionsOrALostSocketForAnOutage() {
        // Agroal's acquisition timeout carries no SQL state
        assertThat(DatabaseOutage.isOutage(new SQLException("Sorry, acquisition timeout!"))).isTrue();
        assertThat(DatabaseOutage.isOutage(new SQLTransientConnectionException("gone"))).isTrue();
        assertThat(DatabaseOutage.isOutage(new IllegalStateException(new ConnectException("Connection refused"))))
                .isTrue();
        assertThat(DatabaseOutage.isOutage(new UncheckedIOException(new EOFException()))).isTrue();
    }

    @Test
    void shouldNotTakeABugForAnOutage() {
        assertThat(DatabaseOutage.isOutage(new NullPointerException("bug"))).isFalse();
        assertThat(DatabaseOutage.isOutage(new IllegalArgumentException("bug", new ArithmeticException()))).isFalse();
    }
}
