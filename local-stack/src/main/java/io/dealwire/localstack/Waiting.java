package io.dealwire.localstack;

import java.time.Duration;
import java.util.Optional;

/** Polls until something has happened (an event consumed, a mail delivered), or gives up with a message. */
final class Waiting {

    /** One look at the world: empty while the thing has not happened yet. */
    @FunctionalInterface
    interface Probe<T> {
        Optional<T> look() throws Exception;
    }

    private static final Duration POLL = Duration.ofMillis(500);

    private Waiting() {
    }

    static <T> T until(String what, Duration timeout, Probe<T> probe) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> seen = probe.look();
            if (seen.isPresent()) {
                return seen.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
