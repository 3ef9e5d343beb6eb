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

    /**
     * The next open row after a position in (week, subscriber) order, with its subscriber, in one
     * query served by the partial index {@code delivery_open} (hence the status literals: a bound
     * parameter would not match the index predicate). A row left SENDING by a crash is open too: it is
     * the message that was in flight and is sent again in its turn.
     */
    private static final String NEXT_OPEN = "SELECT d.week, d.subscriber_id, d.message_id, s.email, s.status,"
            + " s.stages, s.countries, s.unsubscribe_token FROM delivery d JOIN subscriber s ON s.id = d.subscriber_id"
            + " WHERE d.status IN ('PENDING', 'SENDING') AND (d.week, d.subscriber_id) > (?1, ?2)"
            + " ORDER BY d.week, d.subscriber_id LIMIT 1";

    private static final String SET_STATUS = "UPDATE delivery SET status = ?1, last_error = ?2, updated_at = ?3"
            + " WHERE week = ?4 AND subscriber_id = ?5";

    private static final String SET_SENT = "UPDATE delivery SET status = 'SENT', attempts = attempts + 1,"
            + " last_error = NULL, sent_at = ?1, updated_at = ?1 WHERE week = ?2 AND subscriber_id = ?3";

    /**
     * Claims the first open row, as a run starts; it is SENDING when this commits. A run only moves
     * forward, so a row opened behind it (a week frozen meanwhile) waits for the next run, which every
     * freeze triggers.
     */
    @Transactional
    public Optional<OutgoingDigest> claimNext() {
        return claimAfter("", 0);
    }

    /** Claims the next open row after {@code previous}, whose outcome is already committed. */
    @Transactional
    public Optional<OutgoingDigest> claimAfter(OutgoingDigest previous) {
        return claimAfter(previous.week(), previous.subscriberId());
    }

    /**
     * Marks an accepted message SENT and claims the next in the same commit: one WAL flush per mail
     * instead of two, and still exactly one SENDING row (the next one) when it commits.
     */
    @Transactional
    public Optional<OutgoingDigest> markSentAndClaimNext(OutgoingDigest sent) {
        markSent(sent);
        return claimAfter(sent.week(), sent.subscriberId());
    }

    @Transactional
    public void markSent(OutgoingDigest digest) {
        em.createNativeQuery(SET_SENT).setParameter(1, Instant.now()).setParameter(2, digest.week())
                .setParameter(3, digest.subscriberId()).executeUpdate();
    }

    private Optional<OutgoingDigest> claimAfter(String week, long subscriberId) {
        while (true) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(NEXT_OPEN).setParameter(1, week)
                    .setParameter(2, subscriberId).getResultList();
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            Object[] row = rows.get(0);
            week = (String) row[0];
            subscriberId = ((Number) row[1]).longValue();
            if (!Subscriber.Status.CONFIRMED.name().equals(row[4])) {
                setStatus(week, subscriberId, Status.SKIPPED, "unsubscribed before the mail was sent");
                continue;
            }
            Optional<IssueMails.Mail> mail = mails.forSubscriber(week,
                    Subscriber.filterOf((String) row[5], (String) row[6]), (String) row[7]);
            if (mail.isEmpty()) {
                setStatus(week, subscriberId, Status.SKIPPED,
                        "no deal of the issue matches the subscriber's filters any more");
                continue;
            }
            setStatus(week, subscriberId, Status.SENDING, null);
            IssueMails.Mail m = mail.get();
            return Optional.of(new OutgoingDigest(week, subscriberId, (String) row[3], (String) row[2], m.subject(),
                    m.html(), m.text(), m.unsubscribeUrl()));
        }
    }

    private void setStatus(String week, long subscriberId, Status status, String error) {
        em.createNativeQuery(SET_STATUS).setParameter(1, status.name()).setParameter(2, error)
                .setParameter(3, Instant.now()).setParameter(4, week).setParameter(5, subscriberId).executeUpdate();
    }

    /**
     * Records an SMTP reply refusing this message (never a connection failure: the relay being down
     * says nothing about the recipient); the row becomes FAILED when the reply is permanent (5xx) or
     * the attempts are used up, and stays SENDING otherwise.
     *
     * @return whether the row is now FAILED
     */
    @Transactional
    public boolean recordFailure(OutgoingDigest digest, String error, boolean permanent) {
        Delivery delivery = find(digest);
        delivery.attempts++;
        boolean failed = permanent || delivery.attempts >= config.digest().send().maxAttempts();
        close(delivery, failed ? Status.FAILED : Status.SENDING, truncate(error));
        return failed;
    }

    /**
     * Gives a claimed row back (PENDING) when the mail server keeps failing: a later round retries it.
     * The attempts are not touched here (only replies to the message count, see {@link #recordFailure}).
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
