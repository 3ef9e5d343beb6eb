package io.dealwire.digest.send;

import io.dealwire.digest.send.DeliveryLedger.Position;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * One send run's lanes: each lane claims a row (SENDING, committed), sends it, records the outcome and
 * claims the next in one commit, until the ledger has nothing open ahead of the run's cursor. Rows are
 * handed out one at a time in (week, subscriber) order from the shared cursor, so no row is claimed
 * twice and at most one row per lane is SENDING at any commit: a crash resends at most that many mails.
 * A lane that meets a relay that is down, a lost lock or a failure halts the others after their
 * current mail; so does the service's shutdown, with each lane's mail in flight recorded first.
 */
final class SendRun {

    private static final Logger LOG = Logger.getLogger(SendRun.class);

    /** Positions read ahead at a time: one query per page instead of one per mail. */
    static final int PAGE = 64;

    enum End { DONE, PAUSED, LOCK_LOST, STOPPED }

    private final DeliveryLedger ledger;
    private final MailDispatcher dispatcher;
    private final SenderLock.Held lock;
    private final ExecutorService lockChecker;
    private final BooleanSupplier stopping;
    private final SendTimes times = new SendTimes();
    private final Object claims = new Object();
    private final Deque<Position> ahead = new ArrayDeque<>();
    private Position cursor = Position.START;
    private volatile End end = End.DONE;
    private volatile boolean halted;

    SendRun(DeliveryLedger ledger, MailDispatcher dispatcher, SenderLock.Held lock, ExecutorService lockChecker,
            BooleanSupplier stopping) {
        this.ledger = ledger;
        this.dispatcher = dispatcher;
        this.lock = lock;
        this.lockChecker = lockChecker;
        this.stopping = stopping;
    }

    /** One lane: sends until nothing is left ahead of the cursor or the run is halted. */
    void lane() throws InterruptedException {
        try {
            Optional<OutgoingDigest> next = claim(null);
            while (next.isPresent()) {
                OutgoingDigest digest = next.get();
                // The lock is checked while the mail is on its way, on the lock's own connection (one
                // checker thread for every lane): the answer is needed only before the next claim.
                CompletableFuture<Boolean> check = CompletableFuture.supplyAsync(lock::stillHeld, lockChecker);
                MailDispatcher.Result result;
                boolean lockHeld;
                try {
                    result = times.smtp(() -> dispatcher.deliver(digest));
                } finally {
                    lockHeld = times.lock(check::join); // never leave the connection in use by the checker
                }
                if (result == MailDispatcher.Result.PAUSED) {
                    halt(End.PAUSED);
                    return;
                }
                if (!lockHeld) {
                    LOG.warnf("Stopping this send run: the sender lock (backend pid %d) is lost; the next run"
                            + " (resume poll, startup or a freeze) sends the rest", lock.pid());
                    halt(End.LOCK_LOST);
                }
                // Outside the SMTP call on purpose: a database error here is not an SMTP failure (that
                // would send the accepted mail again at once). It propagates, the row stays SENDING and
                // the next run sends it once more: the in-flight duplicate a crash may cost.
                next = claim(result == MailDispatcher.Result.SENT ? digest : null);
            }
        } catch (RuntimeException | InterruptedException e) {
            halted = true;
            throw e;
        }
    }

    /**
     * Records {@code sent} as SENT (if given) and claims the next row ahead of the cursor, unless halted.
     * Only taking a position is serialized; the claim's transaction runs in the lane, beside the
     * other lanes' (PostgreSQL flushes concurrent commits together).
     */
    private Optional<OutgoingDigest> claim(OutgoingDigest sent) {
        OutgoingDigest unrecorded = sent;
        while (true) {
            Optional<Position> position = nextPosition();
            if (position.isEmpty()) {
                if (unrecorded != null) {
                    OutgoingDigest accepted = unrecorded;
                    times.ledger(() -> {
                        ledger.markSent(accepted);
                        return null;
                    });
                }
                return Optional.empty();
            }
            OutgoingDigest accepted = unrecorded;
            Optional<OutgoingDigest> next = times.ledger(() -> accepted == null ? ledger.claim(position.get())
                    : ledger.markSentAndClaim(accepted, position.get()));
            unrecorded = null;
            if (next.isPresent()) {
                return next;
            }
        }
    }

    /** The next position ahead of the run's cursor, read from the ledger a page at a time; empty when halted. */
    private Optional<Position> nextPosition() {
        synchronized (claims) {
            if (halted) {
                return Optional.empty();
            }
            if (stopping.getAsBoolean()) {
                halt(End.STOPPED);
                return Optional.empty();
            }
            if (ahead.isEmpty()) {
                List<Position> page = times.ledger(() -> ledger.openAfter(cursor, PAGE));
                if (page.isEmpty()) {
                    return Optional.empty();
                }
                ahead.addAll(page);
                cursor = page.get(page.size() - 1);
            }
            return Optional.of(ahead.removeFirst());
        }
    }

    private void halt(End why) {
        end = why;
        halted = true;
    }

    End end() {
        return end;
    }

    void log() {
        times.log(LOG);
    }
}
