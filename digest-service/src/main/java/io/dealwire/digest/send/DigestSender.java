package io.dealwire.digest.send;

import io.dealwire.digest.issue.IssueMails;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Works through the ledger one message at a time on a single thread: claim (SENDING, committed),
 * SMTP, then SENT and the next claim in one commit. A crash leaves exactly one SENDING row, which the
 * next run sends again: at most one duplicate per crash, never a skipped subscriber.
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
    IssueMails mails;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "digest-sender"));
    /** Wakes the sender when the earliest message set aside after a soft refusal is due. */
    private final ScheduledExecutorService retryTimer = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "digest-retry-timer"));
    private ScheduledFuture<?> retry;
    /** The last run paused for a relay that is down (written and read on the sender thread only). */
    private boolean paused;
    private final ExecutorService lockChecker = Executors.newSingleThreadExecutor(
            r -> new Thread(r, "digest-lock-check"));
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;

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

    /** Schedules a run for {@code due} (replacing a later one): a set-aside message is retried then. */
    private synchronized void triggerAt(Instant due) {
        if (stopping || (retry != null && !retry.isDone() && retry.getDelay(TimeUnit.MILLISECONDS)
                <= Duration.between(Instant.now(), due).toMillis())) {
            return;
        }
        if (retry != null) {
            retry.cancel(false);
        }
        long delay = Math.max(0, Duration.between(Instant.now(), due).toMillis());
        retry = retryTimer.schedule(this::trigger, delay, TimeUnit.MILLISECONDS);
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
                if (sendAll(lockHeld)) {
                    finishIssues();
                }
            } finally {
                mails.forgetRun();
            }
            if (!paused) {
                // while the relay is down the periodic poll resumes, not a timer
                ledger.nextDeferredAttempt().ifPresent(this::triggerAt);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // e.g. the database is down: the periodic poll runs again
            LOG.warnf("Send run stopped: %s", e.getMessage());
        }
    }

    /** Sends until the ledger has nothing left to claim; false when the lock was lost on the way. */
    private boolean sendAll(SenderLock.Held held) throws InterruptedException {
        paused = false;
        SendTimes times = new SendTimes();
        Optional<OutgoingDigest> next = times.ledger(ledger::claimNext);
        while (next.isPresent() && !stopping) {
            OutgoingDigest digest = next.get();
            // The lock is checked while the mail is on its way, on the lock's own connection: the answer
            // is needed only before the next claim, and its round trip is then off each message's time.
            CompletableFuture<Boolean> check = CompletableFuture.supplyAsync(held::stillHeld, lockChecker);
            MailDispatcher.Result result;
            boolean lockHeld;
            try {
                result = times.smtp(() -> dispatcher.deliver(digest));
            } finally {
                lockHeld = times.lock(check::join); // never leave the connection in use by the checker
            }
            if (result == MailDispatcher.Result.PAUSED) {
                paused = true;
                break;
            }
            if (!lockHeld) {
                // SenderLock logged why (with the session's backend pid); the resume poll runs again
                LOG.warnf("Stopping this send run: the sender lock (backend pid %d) is lost; the next run"
                        + " (resume poll, startup or a freeze) sends the rest", held.pid());
                if (result == MailDispatcher.Result.SENT) {
                    ledger.markSent(digest);
                }
                times.log(LOG);
                return false;
            }
            // Outside the SMTP call on purpose: a database error here is not an SMTP failure (that would
            // send the accepted mail again at once). It propagates, the row stays SENDING and the next
            // run sends it once more: the one in-flight duplicate a crash may cost.
            next = times.ledger(() -> result == MailDispatcher.Result.SENT ? ledger.markSentAndClaimNext(digest)
                    : ledger.claimAfter(digest));
        }
        times.log(LOG);
        return true;
    }

    private void finishIssues() {
        ledger.completeFinishedIssues();
        for (IssueSummary summary : ledger.unpublishedSummaries()) {
            summaries.publish(summary);
            ledger.markPublished(summary.week());
            LOG.infof("Issue %s sent to %d subscribers", summary.week(), summary.recipients());
        }
    }

    /** On shutdown, before any bean is destroyed: the run in progress must not outlive the mail relay. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        retryTimer.shutdownNow();
        worker.shutdown();
        if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
            worker.shutdownNow();
        }
        lockChecker.shutdown();
    }
}
