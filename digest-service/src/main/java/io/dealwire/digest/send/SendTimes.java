package io.dealwire.digest.send;

import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/**
 * Where a send run spent its time, logged when it ends: the ledger (claims and commits), SMTP (with
 * the rate limiter's wait) and the wait for the sender-lock check (which runs during SMTP), per mail,
 * summed over every lane of the run.
 */
final class SendTimes {

    interface Step<T, E extends Exception> {
        T run() throws E;
    }

    /** Time spent in one kind of step. */
    private static final class Total {
        final LongAdder nanos = new LongAdder();

        <T, E extends Exception> T time(Step<T, E> step) throws E {
            long start = System.nanoTime();
            try {
                return step.run();
            } finally {
                nanos.add(System.nanoTime() - start);
            }
        }
    }

    private final long started = System.nanoTime();
    private final Total ledger = new Total();
    private final Total smtp = new Total();
    private final Total lock = new Total();
    private final LongAdder mails = new LongAdder();

    <T, E extends Exception> T ledger(Step<T, E> step) throws E {
        return ledger.time(step);
    }

    <T, E extends Exception> T smtp(Step<T, E> step) throws E {
        mails.increment();
        return smtp.time(step);
    }

    <E extends Exception> boolean lock(Step<Boolean, E> step) throws E {
        return lock.time(step);
    }

    void log(Logger log) {
        long mails = this.mails.sum();
        if (mails == 0) {
            return;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        log.infof("Send run: %d messages in %.1f s (%.1f/s); per message %.2f ms ledger (claim, commit),"
                + " %.2f ms SMTP (with the rate limit's wait), %.2f ms waiting for the sender-lock check", mails, seconds,
                mails / seconds, ledger.nanos.sum() / 1e6 / mails, smtp.nanos.sum() / 1e6 / mails,
                lock.nanos.sum() / 1e6 / mails);
    }
}
