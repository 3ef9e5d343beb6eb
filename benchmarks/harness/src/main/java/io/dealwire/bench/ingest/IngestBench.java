package io.dealwire.bench.ingest;

import io.dealwire.bench.BenchSizes;
import io.dealwire.bench.Footprint;
import io.dealwire.bench.load.DealBodies;
import io.dealwire.bench.load.HttpLoad;
import io.dealwire.bench.load.LoadResult;
import io.dealwire.bench.report.Report;
import io.dealwire.bench.stack.BenchStack;
import io.dealwire.bench.stack.JavaProcess;
import io.dealwire.bench.stack.CpuShares;
import io.dealwire.bench.stack.Profiler;
import io.dealwire.bench.stack.ThreadDump;
import io.dealwire.contract.Topics;
import io.dealwire.localstack.DevKeys;
import io.dealwire.localstack.Service;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Accepted deals per second and latency of POST /api/v1/deals (about 1 KB, acks=all), against the
 * no-op endpoint (same route and body, nothing behind it) and Kafka's ProducerPerformance (same
 * record size, acks=all) on the same broker; then both endpoints again at half their maximum rate
 * with the fixed-rate generator.
 */
public final class IngestBench {

    static final String PERF_TOPIC = "bench.producer-perf";
    private static final String AREA = "ingest";
    /** The ingest's maximum, which the catalog part compares itself with when both run. */
    public static final String MAX_FIGURE = "accepted deals/s (max, closed loop)";

    private final BenchStack stack;
    private final BenchSizes sizes;
    private final Report report;

    public IngestBench(BenchStack stack, BenchSizes sizes, Report report) {
        this.stack = stack;
        this.sizes = sizes;
        this.report = report;
    }

    public void run() throws Exception {
        DealBodies bodies = new DealBodies("ingest-" + System.currentTimeMillis(), "2025-09-10");
        report.note("ingest: deal body " + bodies.body(0).length() + " bytes; " + sizes.clients()
                + " closed-loop clients; warm-up " + sizes.warmup().toSeconds() + " s, measured "
                + sizes.measure().toSeconds() + " s per window");

        JavaProcess noop = Footprint.ready(stack.startNoop(), report);
        Measured baseline = measure(noop, null, bodies, 0);
        stack.stop(noop);

        JavaProcess ingest = Footprint.ready(stack.startService(Service.INGEST, null, Map.of()), report);
        Measured ours = measure(ingest, DevKeys.PARTNER_KEY, bodies, 10_000_000);
        report.add("ingest", "RSS after the load", ingest.rssKib() / 1024.0, "MiB");
        stack.stop(ingest);

        int recordSize = TopicProbe.lastValueSize(stack.bootstrapServers(), Topics.DEALS).orElseThrow(
                () -> new IllegalStateException("the ingest published nothing to " + Topics.DEALS));
        stack.createTopic(PERF_TOPIC, 3);
        ProducerPerf.Result raw = ProducerPerf.run(BenchStack.libDir(stack.home()), stack.bootstrapServers(),
                PERF_TOPIC, sizes.producerRecords(), recordSize, stack.stateDir(), stack.sink());
        report.note("ProducerPerformance: " + raw.records() + " records of " + recordSize
                + " bytes (the size of an ingest event on the topic), acks=all, idempotent, 3 partitions; "
                + String.format("%.1f MB/s, avg %.1f ms", raw.mbPerSecond(), raw.avgMillis()));

        SyncProducerBaseline.Result sync = SyncProducerBaseline.run(stack.bootstrapServers(), PERF_TOPIC,
                sizes.clients(), recordSize, 0, sizes.warmup(), sizes.measure());
        SyncProducerBaseline.Result syncLinger = SyncProducerBaseline.run(stack.bootstrapServers(), PERF_TOPIC,
                sizes.clients(), recordSize, 5, sizes.warmup(), sizes.measure());

        LoadResult max = ours.max();
        report.add(AREA, MAX_FIGURE, max.perSecond(), "/s", "no-op endpoint",
                baseline.max().perSecond(), "≥ 0.5×");
        report.add(AREA, "accepted deals/s (max) vs raw producer", max.perSecond(), "/s",
                "ProducerPerformance", raw.perSecond(), "≥ 0.1×");
        report.add(AREA, "accepted deals/s (max) vs one acked send per thread", max.perSecond(), "/s",
                sizes.clients() + " threads send().get(), linger.ms=0 (the ingest's)", sync.perSecond(), "");
        report.add(AREA, "one acked send per thread: linger.ms=5 vs 0", syncLinger.perSecond(), "/s",
                "linger.ms=0", sync.perSecond(), "");
        report.note(String.format("acked sends, %d threads: linger.ms=0 p50 %.2f ms p99 %.2f ms; linger.ms=5 p50 %.2f"
                + " ms p99 %.2f ms", sizes.clients(), sync.p50Millis(), sync.p99Millis(), syncLinger.p50Millis(),
                syncLinger.p99Millis()));
        report.add(AREA, "p50 at max", max.percentileMillis(50), "ms", "no-op", baseline.max().percentileMillis(50), "");
        report.add(AREA, "p99 at max", max.percentileMillis(99), "ms", "no-op", baseline.max().percentileMillis(99), "");
        report.add(AREA, "p99.9 at max", max.percentileMillis(99.9), "ms", "no-op",
                baseline.max().percentileMillis(99.9), "");
        report.add(AREA, "raw producer p50 / p99 / p99.9 (saturated)", raw.p50Millis(), "ms", "", Double.NaN,
                String.format("p99 %.0f ms, p99.9 %.0f ms", raw.p99Millis(), raw.p999Millis()));
        LoadResult half = ours.half();
        report.add(AREA, String.format("p50 at half load (%.0f/s fixed rate)", max.perSecond() / 2),
                half.percentileMillis(50), "ms", String.format("no-op at %.0f/s", baseline.max().perSecond() / 2),
                baseline.half().percentileMillis(50), "");
        report.add(AREA, "p99 at half load", half.percentileMillis(99), "ms", "no-op", baseline.half().percentileMillis(99),
                "≤ 25 ms");
        report.add(AREA, "p99.9 at half load", half.percentileMillis(99.9), "ms", "no-op",
                baseline.half().percentileMillis(99.9), "");
        report.note("ingest at max: " + max.describe());
        report.note("ingest at half load: " + half.describe());
        report.note("no-op at max: " + baseline.max().describe());
        report.note("no-op at half load: " + baseline.half().describe());
    }

    /** The closed-loop maximum, then the fixed-rate window at half of it. */
    record Measured(LoadResult max, LoadResult half) {
    }

    private Measured measure(JavaProcess target, String bearer, DealBodies bodies, long firstIndex)
            throws InterruptedException {
        URI uri = target.baseUri().resolve("api/v1/deals");
        // a thread dump in the middle of the measured window shows where the time goes
        Path dump = stack.home().resolve("benchmarks/harness/target/results/" + target.name() + "-at-max-"
                + System.currentTimeMillis() + ".threads");
        Thread sampler = new Thread(() -> {
            try {
                Thread.sleep(sizes.warmup().plusSeconds(2).toMillis());
                report.note(target.name() + " at max load, " + CpuShares.measure(Map.of(target.name(), target.pid(),
                        "kafka", stack.kafka().node(0).process().pid(), "load generator (harness)", ProcessHandle.current().pid()),
                        Duration.ofSeconds(10)));
                ThreadDump.save(target.pid(), dump);
                ThreadDump.save(stack.kafka().node(0).process().pid(), dump.resolveSibling(
                        dump.getFileName().toString().replace(".threads", "-kafka.threads")));
                // and what the CPU does inside it, for 10 s of the measured window
                Profiler.record(target.pid(), Duration.ofSeconds(10), dump.getParent(),
                        dump.getFileName().toString().replace(".threads", ""));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sampler");
        sampler.setDaemon(true);
        sampler.start();
        try (HttpLoad load = new HttpLoad(firstIndex)) {
            LoadResult max = load.closed(i -> HttpLoad.post(uri, bearer, bodies.body(i)), 202, sizes.clients(),
                    sizes.warmup(), sizes.measure());
            LoadResult half = load.fixedRate(i -> HttpLoad.post(uri, bearer, bodies.body(i)), 202,
                    Math.max(max.perSecond() / 2, 1), sizes.clients(), sizes.warmup(), sizes.measure());
            return new Measured(max, half);
        }
    }
}
