package io.dealwire.digest.send;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealwire.digest.config.DigestConfig;
import io.dealwire.digest.issue.Issue;
import io.dealwire.digest.issue.IssueMails;
import io.dealwire.digest.send.Delivery.Status;
import io.dealwire.digest.subscription.Subscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The send ledger's state changes, each its own short transaction, committed before the next step. */
@ApplicationScoped
public class DeliveryLedger {

    private static final int MAX_ERROR_LENGTH = 500;

    @Inject
    IssueMails mails;

    @Inject
    EntityManager em;

    @Inject
    DigestConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    DigestMetrics metrics;

    /**
     * The open rows after a position in (week, subscriber) order, served by the partial index
     * {@code delivery_open} (hence the status literals: a bound parameter would not match the index
     * predicate). A row left SENDING by a crash is open too: it is the message that was in flight and
     * is sent again in its turn.
     */
    private static final String OPEN_AFTER = "SELECT d.week, d.subscriber_id FROM delivery d"
            + " WHERE d.status IN ('PENDING', 'SENDING') AND (d.week, d.subscriber_id) > (?1, ?2)"
            + " AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= ?3)"
            + " ORDER BY d.week, d.subscriber_id LIMIT ?4";

    /** One row, if it is still open, with its subscriber. */
    private static final String OPEN_ROW = "SELECT d.message_id, s.email, s.status, s.stages, s.countries,"
            + " s.unsubscribe_token FROM delivery d JOIN subscriber s ON s.id = d.subscriber_id"
            + " WHERE d.week = ?1 AND d.subscriber_id = ?2 AND d.status IN ('PENDING', 'SENDING')"
            + " AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= ?3)";

    private static final String SET_STATUS = "UPDATE delivery SET status = ?1, last_error = ?2, updated_at = ?3"
            + " WHERE week = ?4 AND subscriber_id = ?5";

    private static final String SET_SENT = "UPDATE delivery SET status = 'SENT', attempts = attempts + 1,"
            + " last_error = NULL, next_attempt_at = NULL, sent_at = ?1, updated_at = ?1"
            + " WHERE week = ?2 AND subscriber_id = ?3";

    /** A delivered issue ends a run of softly failed ones (only a write when there was one). */
    private static final String CLEAR_SOFT_FAILURES = "UPDATE subscriber SET soft_failed_issues = 0"
            + " WHERE id = ?1 AND soft_failed_issues > 0";

    /** Soft failures make an address BOUNCED only after this many issues in a row. */
    static final int SOFT_FAILED_ISSUES_TO_BOUNCE = 3;

    /** A place in the ledger's (week, subscriber) order: where a run's claims have got to. */
    public record Position(String week, long subscriberId) {

        /** Before every row: where a run starts. */
        public static final Position START = new Position("", 0);
    }

    /**
     * Up to {@code limit} open rows after {@code cursor}, in order, read without claiming them: a send
     * run's next claims. A run only moves forward, so a row opened behind it (a week frozen meanwhile,
     * a set-aside row coming due) waits for the next run, which every freeze and the retry timer trigger.
     */
    @Transactional
    public List<Position> openAfter(Position cursor, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(OPEN_AFTER).setParameter(1, cursor.week())
                .setParameter(2, cursor.subscriberId()).setParameter(3, Instant.now()).setParameter(4, limit)
                .getResultList();
        return rows.stream().map(row -> new Position((String) row[0], ((Number) row[1]).longValue())).toList();
    }

    /**
     * Claims the row at {@code position}: SENDING when this commits, with the mail it gets. Empty when
     * the row was closed since it was read, or is closed now as SKIPPED (the subscriber left or
     * bounced, or no deal matches their filters any more).
     */
    @Transactional
    public Optional<OutgoingDigest> claim(Position position) {
        return claimRow(position);
    }

    /**
     * Marks an accepted message SENT and claims the row at {@code position} in the same commit: one
     * WAL flush per mail instead of two, and never more SENDING rows than mails in flight.
     */
    @Transactional
    public Optional<OutgoingDigest> markSentAndClaim(OutgoingDigest sent, Position position) {
        markSent(sent);
        return claimRow(position);
    }

    @Transactional
    public void markSent(OutgoingDigest digest) {
        em.createNativeQuery(SET_SENT).setParameter(1, Instant.now()).setParameter(2, digest.week())
                .setParameter(3, digest.subscriberId()).executeUpdate();
        em.createNativeQuery(CLEAR_SOFT_FAILURES).setParameter(1, digest.subscriberId()).executeUpdate();
    }

    private Optional<OutgoingDigest> claimRow(Position position) {
        String week = position.week();
        long subscriberId = position.subscriberId();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(OPEN_ROW).setParameter(1, week).setParameter(2, subscriberId)
                .setParameter(3, Instant.now()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        if (!Subscriber.Status.CONFIRMED.name().equals(row[2])) {
            setStatus(week, subscriberId, Status.SKIPPED, Subscriber.Status.BOUNCED.name().equals(row[2])
                    ? "the address bounced before the mail was sent" : "unsubscribed before the mail was sent");
            return Optional.empty();
        }
        Optional<IssueMails.Mail> mail = mails.forSubscriber(week,
                Subscriber.filterOf((String) row[3], (String) row[4]), (String) row[5]);
        if (mail.isEmpty()) {
            setStatus(week, subscriberId, Status.SKIPPED, "no deal of the issue matches the subscriber's filters any more");
            return Optional.empty();
        }
        setStatus(week, subscriberId, Status.SENDING, null);
        IssueMails.Mail m = mail.get();
        return Optional.of(new OutgoingDigest(week, subscriberId, (String) row[1], (String) row[0], m.subject(),
                m.html(), m.text(), m.unsubscribeUrl()));
    }

    private void setStatus(String week, long subscriberId, Status status, String error) {
        em.createNativeQuery(SET_STATUS).setParameter(1, status.name()).setParameter(2, error)
                .setParameter(3, Instant.now()).setParameter(4, week).setParameter(5, subscriberId).executeUpdate();
    }

    /**
     * A soft refusal (4xx to this message): the row is set aside (PENDING until {@code next_attempt_at},
     * the wait doubling from {@code send.retry-after}) so the rest of the issue goes on, or FAILED once
     * {@code dealwire.digest.max-attempts} are used up; then the subscriber's run of softly failed
     * issues grows, and at {@value #SOFT_FAILED_ISSUES_TO_BOUNCE} the address is BOUNCED.
     *
     * @return when the next attempt is due, or empty when the row is now FAILED
     */
    @Transactional
    public Optional<Instant> defer(OutgoingDigest digest, String reply) {
        Delivery delivery = find(digest);
        delivery.attempts++;
        if (delivery.attempts >= config.digest().maxAttempts()) {
            close(delivery, Status.FAILED, truncate(reply));
            Subscriber subscriber = Subscriber.findById(digest.subscriberId());
            subscriber.softFailedIssues++;
            if (subscriber.softFailedIssues >= SOFT_FAILED_ISSUES_TO_BOUNCE) {
                bounce(subscriber, subscriber.softFailedIssues + " issues in a row refused softly, the last: " + reply);
            }
            return Optional.empty();
        }
        DigestConfig.Send send = config.digest().send();
        Duration wait = send.retryAfter().multipliedBy(1L << Math.min(delivery.attempts - 1, 20));
        close(delivery, Status.PENDING, truncate(reply));
        delivery.nextAttemptAt = Instant.now().plus(wait.compareTo(send.maxRetryAfter()) > 0 ? send.maxRetryAfter() : wait);
        return Optional.of(delivery.nextAttemptAt);
    }

    /**
     * A permanent refusal (5xx to this message, or a message that cannot be written): FAILED with the
     * reply, never retried; when the recipient itself was refused the subscriber is BOUNCED.
     */
    @Transactional
    public void fail(OutgoingDigest digest, String reply, boolean bounce) {
        Delivery delivery = find(digest);
        delivery.attempts++;
        close(delivery, Status.FAILED, truncate(reply));
        if (bounce) {
            bounce(Subscriber.findById(digest.subscriberId()), reply);
        }
    }

    /** The connection was lost after the final dot: the relay may have the message, so it is never resent. */
    @Transactional
    public void outcomeUnknown(OutgoingDigest digest, String why) {
        Delivery delivery = find(digest);
        delivery.attempts++;
        close(delivery, Status.OUTCOME_UNKNOWN, truncate(why));
    }

    /** When the earliest set-aside message is due, if any: the sender runs again then. */
    @Transactional
    public Optional<Instant> nextDeferredAttempt() {
        return Optional.ofNullable(em.createQuery("select min(d.nextAttemptAt) from Delivery d"
                + " where d.status = ?1 and d.nextAttemptAt is not null", Instant.class)
                .setParameter(1, Status.PENDING).getSingleResult());
    }

    /** Only a subscriber still receiving issues bounces; one who left keeps their own choice. */
    private void bounce(Subscriber subscriber, String reply) {
        if (subscriber.status == Subscriber.Status.CONFIRMED) {
            subscriber.status = Subscriber.Status.BOUNCED;
            subscriber.bouncedAt = Instant.now();
            subscriber.bounceReason = truncate(reply);
            metrics.bounced();
        }
    }

    /**
     * Gives a claimed row back (PENDING) when the mail server keeps failing: a later round retries it.
     * The attempts are not touched here: the relay being down says nothing about the recipient.
     */
    @Transactional
    public void release(OutgoingDigest digest, String error) {
        close(find(digest), Status.PENDING, truncate(error));
    }

    /** Issues whose every row is closed become SENT. */
    @Transactional
    public void completeFinishedIssues() {
        List<Issue> sending = Issue.list("status", Issue.Status.SENDING);
        for (Issue issue : sending) {
            long open = Delivery.count("id.week = ?1 and status in ?2", issue.week,
                    List.of(Status.PENDING, Status.SENDING));
            if (open == 0) {
                issue.status = Issue.Status.SENT;
                issue.completedAt = Instant.now();
            }
        }
    }

    @Transactional
    public List<IssueSummary> unpublishedSummaries() {
        return Issue.<Issue>list("status = ?1 and summaryPublishedAt is null order by week", Issue.Status.SENT)
                .stream()
                .map(issue -> new IssueSummary(issue.week, issue.subject, issue.dealCount, totals(issue),
                        (int) Delivery.count("id.week = ?1 and status = ?2", issue.week, Status.SENT),
                        issue.completedAt))
                .toList();
    }

    @Transactional
    public void markPublished(String week) {
        Issue issue = Issue.findById(week);
        issue.summaryPublishedAt = Instant.now();
    }

    private Map<String, BigDecimal> totals(Issue issue) {
        try {
            return mapper.readValue(issue.disclosedValue, new TypeReference<java.util.LinkedHashMap<String, BigDecimal>>() {
            });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Delivery find(OutgoingDigest digest) {
        return Delivery.findById(new Delivery.Key(digest.week(), digest.subscriberId()));
    }

    private static void close(Delivery delivery, Status status, String error) {
        delivery.status = status;
        delivery.lastError = error;
        delivery.updatedAt = Instant.now();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
