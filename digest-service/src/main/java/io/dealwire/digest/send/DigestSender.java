package io.dealwire.digest.send;

import io.dealwire.digest.config.DigestConfig;
import io.dealwire.digest.issue.IssueMails;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs the sends, one run at a time on the sender thread, each on {@code dealwire.digest.concurrency}
 * lanes ({@link SendRun}): claim (SENDING, committed), SMTP, then SENT and the next claim in one
 * commit. A crash leaves at most one SENDING row per lane, which the next run sends again: at most
 * that many duplicates per crash, never a skipped subscriber. Runs are triggered after a freeze, at
 * startup, by a periodic poll and when a set-aside message is due; the advisory lock keeps replicas
 * from sending concurrently.
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

    @Inject
    DigestConfig config;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "digest-sender"));
    /** Wakes the sender when the earliest message set aside after a soft refusal is due. */
    private final ScheduledExecutorService retryTimer = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "digest-retry-timer"));
    private ScheduledFuture<?> retry;
    /** The last run paused for a relay that is down (written and read on the sender thread only). */
    private boolean paused;
    private final ExecutorService lockChecker = Executors.newSingleThreadExecutor(
            r -> new Thread(r, "digest-lock-check"));
    /** The lanes of a run beyond the first (idle threads between runs). */
    private final ExecutorService lanes = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            return new Thread(r, "digest-lane-" + count.incrementAndGet());
        }
    });
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
            if (!paused && !stopping) {
                // while the relay is down the periodic poll resumes, not a timer
                ledger.nextDeferredAttempt().ifPresent(this::triggerAt);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (stopping) {
                // the service is stopping and took the database or the relay away mid-run: expected
                LOG.infof("Send run ended by the shutdown (%s); the next start sends the rest", e.getMessage());
            } else {
                // e.g. the database is down: the periodic poll runs again
                LOG.warnf("Send run stopped: %s", e.getMessage());
            }
        }
    }

    /**
     * Sends until the ledger has nothing left to claim, on {@code dealwire.digest.concurrency} lanes;
     * false when the lock was lost or the service is stopping.
     */
    private boolean sendAll(SenderLock.Held held) throws Exception {
        paused = false;
        SendRun run = new SendRun(ledger, dispatcher, held, lockChecker, () -> stopping);
        int lanes = config.digest().concurrency();
        try {
            if (lanes <= 1) {
                run.lane();
            } else {
                List<Future<?>> running = new ArrayList<>(lanes);
                for (int i = 0; i < lanes; i++) {
                    running.add(this.lanes.submit(() -> {
                        run.lane();
                        return null;
                    }));
                }
                Exception failure = null;
                for (Future<?> lane : running) {
                    try {
                        lane.get();
                    } catch (ExecutionException e) {
                        failure = failure != null ? failure
                                : e.getCause() instanceof Exception cause ? cause : new IllegalStateException(e.getCause());
                    }
                }
                if (failure != null) {
                    throw failure;
                }
            }
        } finally {
            run.log();
        }
        paused = run.end() == SendRun.End.PAUSED;
        if (run.end() == SendRun.End.STOPPED) {
            LOG.info("Send run ended by the shutdown, every mail handed to the relay recorded; the next start"
                    + " sends the rest");
        }
        return run.end() == SendRun.End.DONE || run.end() == SendRun.End.PAUSED;
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
        lanes.shutdown();
        lockChecker.shutdown();
    }
}
