package io.dealwire.digest.send;

/** Spaces calls at least 1/rate apart (one sender thread, so no burst allowance is needed). */
final class RateLimiter {

    private final long intervalNanos;
    private long next = System.nanoTime();

    RateLimiter(double perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("dealwire.digest.rate-per-second must be > 0");
        }
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
    }

    synchronized void acquire() throws InterruptedException {
        long now = System.nanoTime();
        if (next > now) {
            long wait = next - now;
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        next = Math.max(now, next) + intervalNanos;
    }
}
