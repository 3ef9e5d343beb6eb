package io.dealwire.catalog.consume;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Repeats an action until it succeeds, waiting longer after each failure (capped), as long as the
 * failure is one that passes when infrastructure comes back (PostgreSQL or the broker away); any
 * other failure is thrown at once, since repeating it would block the partition forever.
 */
final class Retry {

    private static final Logger LOG = Logger.getLogger(Retry.class);

    private Retry() {
    }

    static <T> T untilDone(String what, RetryConfig config, Predicate<RuntimeException> retryable,
            Runnable onFailure, Supplier<T> action) {
        Duration delay = config.initialDelay();
        while (true) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (!retryable.test(e)) {
                    throw e;
                }
                onFailure.run();
                LOG.warnf("%s failed (%s); retrying in %s", what, rootMessage(e), delay);
                sleep(delay);
                delay = delay.multipliedBy(2).compareTo(config.maxDelay()) > 0 ? config.maxDelay() : delay.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            // shutting down: give up this batch unacknowledged, it is redelivered after restart
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
