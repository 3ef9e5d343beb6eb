package io.dealwire.catalog.consume;

import io.dealwire.contract.consume.RootCause;
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

    /**
     * @throws InterruptedException when the wait is interrupted (the app is stopping): a checked
     *         exception on purpose, so that no caller can mistake it for a failed record
     */
    static <T> T untilDone(String what, RetryConfig config, Predicate<RuntimeException> retryable,
            Runnable onFailure, Supplier<T> action) throws InterruptedException {
        Duration delay = config.initialDelay();
        while (true) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (!retryable.test(e)) {
                    throw e;
                }
                onFailure.run();
                LOG.warnf("%s failed (%s); retrying in %s", what, RootCause.of(e), delay);
                Thread.sleep(delay.toMillis());
                delay = delay.multipliedBy(2).compareTo(config.maxDelay()) > 0 ? config.maxDelay() : delay.multipliedBy(2);
            }
        }
    }
}
