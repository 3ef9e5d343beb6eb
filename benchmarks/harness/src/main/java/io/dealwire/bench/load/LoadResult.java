package io.dealwire.bench.load;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What one measured window produced: answers by status, transport failures, and the latency of the
 * expected answers (microseconds, HdrHistogram, 3 significant digits).
 */
public record LoadResult(long ok, Map<Integer, Long> statuses, long failures, Histogram latencyMicros,
        double seconds) {

    public double perSecond() {
        return ok / seconds;
    }

    public double percentileMillis(double percentile) {
        return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxMillis() {
        return latencyMicros.getMaxValue() / 1000.0;
    }

    public long unexpected() {
        return statuses.values().stream().mapToLong(Long::longValue).sum() - ok + failures;
    }

    public String describe() {
        return String.format("%d ok in %.1f s = %.0f/s; p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.1f ms;"
                + " statuses %s, failures %d", ok, seconds, perSecond(), percentileMillis(50),
                percentileMillis(99), percentileMillis(99.9), maxMillis(), new TreeMap<>(statuses), failures);
    }
}
