package io.dealwire.catalog.consume;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures the exception alone explains as a database outage (retried) and which not. */
class DatabaseOutageClassificationTest {

    @Test
    void shouldTakeConnectionFailuresAnywhereInTheCausesForAnOutage() {
        assertThat(DatabaseOutage.explainedAsOutage(
                new PersistenceException(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(DatabaseOutage.explainedAsOutage(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(DatabaseOutage.explainedAsOutage(new SQLTransientConnectionException("gone"))).isTrue();
        assertThat(DatabaseOutage.explainedAsOutage(
                new IllegalStateException(new ConnectException("Connection refused")))).isTrue();
        assertThat(DatabaseOutage.explainedAsOutage(new SQLException("Sorry, acquisition timeout!"))).isTrue();
        assertThat(DatabaseOutage.explainedAsOutage(new SQLException("could not serialize", "40001"))).isTrue();
    }

    @Test
    void shouldNotTakeRejectedRowsOrBugsForAnOutage() {
        assertThat(DatabaseOutage.explainedAsOutage(
                new PersistenceException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseOutage.explainedAsOutage(new SQLException("value too long", "22001"))).isFalse();
        assertThat(DatabaseOutage.explainedAsOutage(new NullPointerException("bug"))).isFalse();
    }
}
