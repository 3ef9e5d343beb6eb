package io.dealwire.bench.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Thread-safe tally of one load window: only answers with the expected status count as throughput. */
final class Recording {

    private static final long MAX_MICROS = 600_000_000L;

    private final int expectedStatus;
    private final Recorder latency = new Recorder(MAX_MICROS, 3);
    private final LongAdder ok = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();

    Recording(int expectedStatus) {
        this.expectedStatus = expectedStatus;
    }

    void answer(int status, long latencyNanos) {
        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        if (status == expectedStatus) {
            ok.increment();
            latency.recordValue(Math.min(Math.max(latencyNanos / 1000, 1), MAX_MICROS));
        }
    }

    void failure() {
        failures.increment();
    }

    LoadResult result(double seconds) {
        Histogram histogram = latency.getIntervalHistogram();
        Map<Integer, Long> counts = new java.util.TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return new LoadResult(ok.sum(), counts, failures.sum(), histogram, seconds);
    }
}
