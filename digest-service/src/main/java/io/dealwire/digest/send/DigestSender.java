package io.dealwire.digest.send;

import io.dealwire.digest.issue.IssueViews;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Works through the ledger one message at a time on a single thread: claim (SENDING, committed),
 * SMTP, SENT (committed). A crash between the first commit and the last leaves exactly one SENDING
 * row, which the next run sends again: at most one duplicate per crash, never a skipped subscriber.
 * Runs are triggered after a freeze, at startup and by a periodic poll; the advisory lock keeps
 * replicas from sending concurrently.
 */
@ApplicationScoped
public class DigestSender {

    private static final Logger LOG = Logger.getLogger(DigestSender.class);

    @Inject
    SenderLock lock;

    @Inject
    DeliveryLedger ledger;

    @Inject
    MailDispatcher dispatcher;

    @Inject
    IssueSummaryPublisher summaries;

    @Inject
    IssueViews views;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "digest-sender"));
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;
    /** Test hook: stop a run after this many messages, as if the process died between two messages. */
    private volatile int stopAfter = -1;

    /** Schedules a run on the sender thread (at most one queued behind the current one). */
    public void trigger() {
        if (!stopping && queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                running.set(true);
                queued.set(false);
                try {
                    runOnce();
                } finally {
                    running.set(false);
                }
            });
        }
    }

    /** Simulates a kill between messages: the next run stops after {@code messages} messages. */
    void stopAfter(int messages) {
        stopAfter = messages;
    }

    /** No run in progress or queued on this replica. */
    boolean isIdle() {
        return !running.get() && !queued.get();
    }

    private void runOnce() {
        try {
            Optional<SenderLock.Held> held = lock.tryAcquire();
            if (held.isEmpty()) {
                LOG.debug("Another sender holds the lock; this replica does not send");
                return;
            }
            try (SenderLock.Held lockHeld = held.get()) {
                sendAll(lockHeld);
                finishIssues();
            } finally {
                views.forgetRun();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // e.g. the database is down: the periodic poll runs again
            LOG.warnf("Send run stopped: %s", e.getMessage());
        }
    }

    private void sendAll(SenderLock.Held held) throws InterruptedException {
        int sent = 0;
        while (!stopping) {
            if (!held.stillHeld()) {
                LOG.warn("Lost the sender lock (its database session ended); stopping this run");
                return;
            }
            if (stopAfter >= 0 && sent >= stopAfter) {
                stopAfter = -1;
                LOG.info("Send run stopped on request (simulated crash)");
                return;
            }
            Optional<OutgoingDigest> next = ledger.claimNext();
            if (next.isEmpty()) {
                return;
            }
            sent++;
            if (dispatcher.deliver(next.get()) == MailDispatcher.Result.PAUSED) {
                return;
            }
        }
    }

    private void finishIssues() {
        ledger.completeFinishedIssues();
        for (IssueSummary summary : ledger.unpublishedSummaries()) {
            summaries.publish(summary);
            ledger.markPublished(summary.week());
            LOG.infof("Issue %s sent to %d subscribers", summary.week(), summary.recipients());
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        worker.shutdown();
        if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
            worker.shutdownNow();
        }
    }
}
