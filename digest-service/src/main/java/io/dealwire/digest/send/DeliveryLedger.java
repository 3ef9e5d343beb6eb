package io.dealwire.digest.send;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealwire.digest.config.DigestConfig;
import io.dealwire.digest.issue.DigestRenderer;
import io.dealwire.digest.issue.DigestView;
import io.dealwire.digest.issue.Issue;
import io.dealwire.digest.issue.IssueViews;
import io.dealwire.digest.send.Delivery.Status;
import io.dealwire.digest.subscription.Subscriber;
import io.dealwire.digest.subscription.SubscriptionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    IssueViews views;

    @Inject
    DigestRenderer renderer;

    @Inject
    SubscriptionService subscriptions;

    @Inject
    DigestConfig config;

    @Inject
    ObjectMapper mapper;

    /**
     * Claims the next message: a SENDING row first (only a crash or a pause leaves one, as the single
     * sender holds the lock: it is the message that was in flight, so it is sent again), then PENDING
     * rows in (week, subscriber) order. The row is SENDING when this commits.
     */
    @Transactional
    public Optional<OutgoingDigest> claimNext() {
        while (true) {
            Delivery delivery = Delivery.<Delivery>find("status = ?1 order by id.week, id.subscriberId", Status.SENDING)
                    .firstResultOptional()
                    .or(() -> Delivery.<Delivery>find("status = ?1 order by id.week, id.subscriberId", Status.PENDING)
                            .firstResultOptional())
                    .orElse(null);
            if (delivery == null) {
                return Optional.empty();
            }
            Subscriber subscriber = Subscriber.findById(delivery.id.subscriberId());
            if (subscriber.status != Subscriber.Status.CONFIRMED) {
                close(delivery, Status.SKIPPED, "unsubscribed before the mail was sent");
                continue;
            }
            String unsubscribeUrl = config.publicUrl() + "/unsubscribe/"
                    + subscriptions.mintUnsubscribeToken(subscriber.id);
            Optional<DigestView> view = views.forSubscriber(delivery.id.week(), subscriber.filter(), unsubscribeUrl);
            if (view.isEmpty()) {
                close(delivery, Status.SKIPPED, "no deal of the issue matches the subscriber's filters any more");
                continue;
            }
            delivery.status = Status.SENDING;
            delivery.updatedAt = Instant.now();
            DigestView digest = view.get();
            return Optional.of(new OutgoingDigest(delivery.id.week(), subscriber.id, subscriber.email,
                    delivery.messageId, digest.subject(), renderer.html(digest), renderer.text(digest), unsubscribeUrl));
        }
    }

    @Transactional
    public void markSent(OutgoingDigest digest) {
        Delivery delivery = find(digest);
        delivery.attempts++;
        delivery.sentAt = Instant.now();
        close(delivery, Status.SENT, null);
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
