package io.dealwire.catalog.consume;

import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Repeats an action until it succeeds, waiting longer after each failure (capped). Used for what
 * fails only while infrastructure is away: writing to PostgreSQL, sending to the dead-letter topic.
 */
final class Retry {

    private static final Logger LOG = Logger.getLogger(Retry.class);

    private Retry() {
    }

    static <T> T untilDone(String what, RetryConfig config, Runnable onFailure, Supplier<T> action) {
        Duration delay = config.initialDelay();
        while (true) {
            try {
                return action.get();
            } catch (RuntimeException e) {
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

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
