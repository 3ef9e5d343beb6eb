package io.dealwire.digest.send;

/** Spaces calls at least 1/rate apart across every sending thread (no burst allowance). */
final class RateLimiter {

    private final long intervalNanos;
    private long next = System.nanoTime();

    RateLimiter(double perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("dealwire.digest.rate-per-second must be > 0");
        }
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
    }

    void acquire() throws InterruptedException {
        long slot;
        long now;
        synchronized (this) {
            // reserve the next slot, then wait for it outside the lock so other threads reserve theirs
            now = System.nanoTime();
            slot = Math.max(now, next);
            next = slot + intervalNanos;
        }
        long wait = slot - now;
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
