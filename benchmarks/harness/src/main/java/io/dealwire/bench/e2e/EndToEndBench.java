package io.dealwire.bench.e2e;

import io.dealwire.bench.BenchSizes;
import io.dealwire.bench.Footprint;
import io.dealwire.bench.load.DealBodies;
import io.dealwire.bench.load.HttpLoad;
import io.dealwire.bench.report.Report;
import io.dealwire.bench.stack.BenchStack;
import io.dealwire.bench.stack.JavaProcess;
import io.dealwire.localstack.DevKeys;
import io.dealwire.localstack.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * From the POST to the ingest until GET /api/v1/deals/{dealId} of the catalog answers 200, at a
 * moderate fixed rate: each deal is due at its slot (open model), and once accepted its dealId is
 * polled every {@value #POLL_MILLIS} ms, so figures are exact to about that.
 */
public final class EndToEndBench {

    static final long POLL_MILLIS = 10;
    private static final String AREA = "end to end";

    private final BenchStack stack;
    private final BenchSizes sizes;
    private final Report report;

    public EndToEndBench(BenchStack stack, BenchSizes sizes, Report report) {
        this.stack = stack;
        this.sizes = sizes;
        this.report = report;
    }

    public void run() throws Exception {
        stack.postgres().createDatabase("bench_e2e");
        JavaProcess catalog = Footprint.ready(stack.startService(Service.CATALOG, "bench_e2e", Map.of(
                // only what is posted from now on: earlier benchmarks left a backlog on the topic
                "mp.messaging.incoming.deals.group.id", "bench-e2e-" + System.currentTimeMillis(),
                "mp.messaging.incoming.deals.auto.offset.reset", "latest")), report);
        JavaProcess ingest = Footprint.ready(stack.startService(Service.INGEST, null, Map.of()), report);
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        try (HttpLoad load = new HttpLoad(0)) {
            DealBodies bodies = new DealBodies("e2e-" + System.currentTimeMillis(), "2025-09-10");
            Probe probe = new Probe(load.client(), scheduler, ingest.baseUri().resolve("api/v1/deals"),
                    catalog.baseUri(), bodies);
            probe.awaitConsumerAssigned();
            probe.window(sizes.endToEndRate(), sizes.warmup());
            Probe.Window measured = probe.window(sizes.endToEndRate(), sizes.endToEndWindow());
            Histogram latency = measured.latencyMicros();
            report.add(AREA, String.format("POST → visible in catalog, p50 (%.0f deals/s)", sizes.endToEndRate()),
                    latency.getValueAtPercentile(50) / 1000.0, "ms");
            report.add(AREA, "POST → visible in catalog, p99", latency.getValueAtPercentile(99) / 1000.0, "ms");
            report.note(String.format("end to end: %d posted, %d accepted, %d seen in the catalog; max %.0f ms;"
                    + " polled every %d ms", measured.posted(), measured.accepted(), latency.getTotalCount(),
                    latency.getMaxValue() / 1000.0, POLL_MILLIS));
        } finally {
            scheduler.shutdownNow();
            stack.stop(ingest);
            stack.stop(catalog);
        }
    }

    /** Posts deals at a fixed rate and polls the catalog for each accepted one. */
    static final class Probe {

        record Window(long posted, long accepted, Histogram latencyMicros) {
        }

        private final HttpClient client;
        private final ScheduledExecutorService scheduler;
        private final URI ingest;
        private final URI catalog;
        private final DealBodies bodies;
        private final AtomicLong next = new AtomicLong();

        Probe(HttpClient client, ScheduledExecutorService scheduler, URI ingest, URI catalog, DealBodies bodies) {
            this.client = client;
            this.scheduler = scheduler;
            this.ingest = ingest;
            this.catalog = catalog;
            this.bodies = bodies;
        }

        /** The catalog reads from the latest offset: post until one deal shows up, so it is positioned. */
        void awaitConsumerAssigned() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                Window one = window(1, Duration.ofSeconds(1), Duration.ofSeconds(3));
                if (one.latencyMicros().getTotalCount() == 1) {
                    return;
                }
            }
            throw new IllegalStateException("no posted deal reached the catalog within 90 s");
        }

        Window window(double perSecond, Duration length) throws InterruptedException {
            return window(perSecond, length, Duration.ofSeconds(60));
        }

        private Window window(double perSecond, Duration length, Duration patience) throws InterruptedException {
            Recorder recorder = new Recorder(600_000_000L, 3);
            long total = Math.max(1, (long) (perSecond * length.toNanos() / 1e9));
            CountDownLatch done = new CountDownLatch((int) total);
            AtomicLong accepted = new AtomicLong();
            double interval = 1e9 / perSecond;
            long start = System.nanoTime();
            for (long i = 0; i < total; i++) {
                long due = start + (long) (i * interval);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long index = next.getAndIncrement();
                client.sendAsync(HttpLoad.post(ingest, DevKeys.PARTNER_KEY, bodies.body(index)),
                        HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                            if (error == null && response.statusCode() == 202) {
                                accepted.incrementAndGet();
                                URI deal = catalog.resolve("api/v1/deals/" + bodies.dealId(index));
                                poll(deal, due, System.nanoTime() + patience.toNanos(), recorder, done);
                            } else {
                                done.countDown();
                            }
                        });
            }
            done.await(patience.toSeconds() + length.toSeconds() + 10, TimeUnit.SECONDS);
            return new Window(total, accepted.get(), recorder.getIntervalHistogram());
        }

        private void poll(URI deal, long due, long giveUp, Recorder recorder, CountDownLatch done) {
            HttpRequest get = HttpRequest.newBuilder(deal).timeout(Duration.ofSeconds(10)).GET().build();
            client.sendAsync(get, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error == null && response.statusCode() == 200) {
                    recorder.recordValue(Math.max((System.nanoTime() - due) / 1000, 1));
                    done.countDown();
                } else if (System.nanoTime() > giveUp) {
                    done.countDown();
                } else {
                    scheduler.schedule(() -> poll(deal, due, giveUp, recorder, done), POLL_MILLIS,
                            TimeUnit.MILLISECONDS);
                }
            });
        }
    }
}
