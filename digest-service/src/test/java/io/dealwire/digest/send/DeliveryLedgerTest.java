package io.dealwire.digest.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dealwire.digest.config.DigestConfig;
import io.dealwire.digest.issue.Issue;
import io.dealwire.digest.subscription.Subscriber;
import io.dealwire.testsupport.ProxiedPostgresResource;
import io.dealwire.testsupport.GreenMailResource;
import io.dealwire.testsupport.KafkaResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger's outcome rules on PostgreSQL: a 5xx reply fails the row at once, a 4xx reply counts an
 * attempt and sets the row aside with a growing wait, failing it only at {@code max-attempts}; a lost
 * final dot is an unknown outcome; releasing a row counts nothing. The rows belong
 * to an issue already marked SENT and published, so no sender run of another test picks them up.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
@WithTestResource(GreenMailResource.class)
class DeliveryLedgerTest {

    private static final String WEEK = "2026-W24";
    private static final String DEFAULT_READER = "ledger-reader@example.org";

    @Inject
    DeliveryLedger ledger;

    @Inject
    DigestConfig config;

    private OutgoingDigest digest;

    @BeforeEach
    void claimedRow() {
        long subscriberId = QuarkusTransaction.requiringNew().call(() -> {
            if (Issue.findById(WEEK) == null) {
                Issue issue = new Issue();
                issue.week = WEEK;
                issue.subject = "Ledger test";
                issue.disclosedValue = "{}";
                issue.status = Issue.Status.SENT;
                issue.frozenAt = Instant.now();
                issue.completedAt = Instant.now();
                issue.summaryPublishedAt = Instant.now();
                issue.persist();
                Subscriber subscriber = new Subscriber();
                subscriber.email = DEFAULT_READER;
                // not a reader of other tests' issues
                subscriber.status = Subscriber.Status.UNSUBSCRIBED;
                subscriber.createdAt = Instant.now();
                subscriber.persist();
            }
            Subscriber subscriber = Subscriber.find("email", DEFAULT_READER).firstResult();
            Delivery.delete("id.week", WEEK);
            Delivery delivery = Delivery.pending(WEEK, subscriber.id);
            delivery.status = Delivery.Status.SENDING;
            delivery.persist();
            return subscriber.id;
        });
        digest = new OutgoingDigest(WEEK, subscriberId, DEFAULT_READER, Delivery.messageId(WEEK, subscriberId),
                "Ledger test", "<p>html</p>", "text", "http://localhost:8083/unsubscribe/t");
    }

    @AfterEach
    void closeRow() {
        // never leave an open row behind for another test's sender run
        QuarkusTransaction.requiringNew().run(() -> Delivery.update("status = ?1 where id.week = ?2",
                Delivery.Status.SKIPPED, WEEK));
    }

    @Test
    void shouldFailARowAtOnceOnAPermanentReply() {
        ledger.fail(digest, "SMTP 554 at END_OF_DATA: 5.6.0 rejected", false);

        assertThat(row().status).isEqualTo(Delivery.Status.FAILED);
        assertThat(row().attempts).isEqualTo(1);
        assertThat(row().lastError).isEqualTo("SMTP 554 at END_OF_DATA: 5.6.0 rejected");
    }

    @Test
    void shouldSetARowAsideOnSoftRepliesWithGrowingWaitsAndFailItOnlyWhenTheAttemptsAreUsedUp() {
        int maxAttempts = config.digest().maxAttempts();
        Duration previousWait = Duration.ZERO;
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            Instant before = Instant.now();
            Optional<Instant> next = ledger.defer(digest, "SMTP 452 at RCPT_TO: 4.2.2 mailbox full");
            assertThat(next).isPresent();
            assertThat(row().status).isEqualTo(Delivery.Status.PENDING);
            // PostgreSQL keeps microseconds
            assertThat(row().nextAttemptAt).isCloseTo(next.get(), within(1, ChronoUnit.MILLIS));
            Duration wait = Duration.between(before, next.get());
            assertThat(wait).isGreaterThan(previousWait);
            previousWait = wait;
        }
        assertThat(ledger.defer(digest, "SMTP 452 at RCPT_TO: 4.2.2 mailbox full")).isEmpty();

        assertThat(row().status).isEqualTo(Delivery.Status.FAILED);
        assertThat(row().attempts).isEqualTo(maxAttempts);
    }

    @Test
    void shouldReleaseARowWithoutCountingAnAttempt() {
        ledger.defer(digest, "SMTP 451 at DATA: try later");

        ledger.release(digest, "mail server unavailable: ConnectException: Connection refused");

        assertThat(row().status).isEqualTo(Delivery.Status.PENDING);
        assertThat(row().attempts).isEqualTo(1);
        assertThat(row().lastError).isEqualTo("mail server unavailable: ConnectException: Connection refused");
    }

    @Test
    void shouldRecordAMessageLostAfterItsFinalDotAsAnUnknownOutcome() {
        ledger.outcomeUnknown(digest, "outcome unknown: no reply at END_OF_DATA");

        assertThat(row().status).isEqualTo(Delivery.Status.OUTCOME_UNKNOWN);
        assertThat(row().attempts).isEqualTo(1);
    }

    @Test
    void shouldBounceAnAddressOnlyAfterThreeIssuesInARowFailedSoftly() {
        setReaderStatus(Subscriber.Status.CONFIRMED);
        try {
            exhaustSoftly();
            assertThat(reader().softFailedIssues).isEqualTo(1);
            reopenRow();
            ledger.markSent(digest); // a delivered issue ends the run of failed ones
            assertThat(reader().softFailedIssues).isZero();

            for (int issue = 1; issue <= 3; issue++) {
                reopenRow();
                exhaustSoftly();
                assertThat(reader().softFailedIssues).isEqualTo(issue);
                assertThat(reader().status)
                        .isEqualTo(issue < 3 ? Subscriber.Status.CONFIRMED : Subscriber.Status.BOUNCED);
            }
            assertThat(reader().bounceReason).startsWith("3 issues in a row refused softly").contains("452");
            assertThat(reader().bouncedAt).isNotNull();
        } finally {
            setReaderStatus(Subscriber.Status.UNSUBSCRIBED);
        }
    }

    private void exhaustSoftly() {
        for (int attempt = 1; attempt <= config.digest().maxAttempts(); attempt++) {
            ledger.defer(digest, "SMTP 452 at RCPT_TO: 4.2.2 mailbox full");
        }
        assertThat(row().status).isEqualTo(Delivery.Status.FAILED);
    }

    /** The same row as the next issue's: claimed, no attempt yet. */
    private void reopenRow() {
        QuarkusTransaction.requiringNew().run(() -> Delivery.update("status = ?1, attempts = 0 where id.week = ?2",
                Delivery.Status.SENDING, WEEK));
    }

    private void setReaderStatus(Subscriber.Status status) {
        QuarkusTransaction.requiringNew().run(() -> Subscriber.update("status = ?1, softFailedIssues = 0,"
                + " bouncedAt = null, bounceReason = null where email = ?2", status, DEFAULT_READER));
    }

    private static Subscriber reader() {
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.findByEmail(DEFAULT_READER).orElseThrow());
    }

    private Delivery row() {
        return QuarkusTransaction.requiringNew().call(
                () -> Delivery.<Delivery>findById(new Delivery.Key(WEEK, digest.subscriberId())));
    }
}
