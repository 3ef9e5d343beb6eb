package io.dealwire.bench.digest;

import io.dealwire.bench.BenchSizes;
import io.dealwire.bench.catalog.Backlog;
import io.dealwire.bench.load.DealBodies;
import io.dealwire.bench.report.Report;
import io.dealwire.bench.stack.BenchStack;
import io.dealwire.bench.stack.JavaProcess;
import io.dealwire.bench.stack.Profiler;
import io.dealwire.bench.stack.ThreadDump;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The digest: mails per second to GreenMail for N confirmed subscribers, once with the rate limit far
 * above what can be sent (capacity) and once with a set rate (is it honoured within 5 %?); the time
 * to compose (preview) an issue over many deals; then the digest beside raw SMTP baselines into
 * Postfix's smtp-sink at 1, 2, 4 and 8 mails in flight ({@link RawSmtpComparison}). Deals reach the
 * digest the real way, as events on a topic of their own; subscribers are inserted directly as
 * confirmed (the double opt-in is not what is measured).
 */
public final class DigestBench {

    static final String DEALS_TOPIC = "bench.digest-deals";
    static final String SEND_WEEK = "2025-W37";
    static final String COMPOSE_WEEK = "2025-W38";
    private static final String AREA = "digest";
    /** A rate limit far above what can be sent: the run measures capacity. */
    static final int UNLIMITED_RATE = 100_000;
    private static final Duration SLOW_PREVIEW = Duration.ofSeconds(10);
    private static final Duration SAMPLE_AFTER = Duration.ofSeconds(20);
    private static final Duration PREVIEW_TIMEOUT = Duration.ofSeconds(300);

    private final BenchStack stack;
    private final BenchSizes sizes;
    private final Report report;

    public DigestBench(BenchStack stack, BenchSizes sizes, Report report) {
        this.stack = stack;
        this.sizes = sizes;
        this.report = report;
    }

    public void run() throws Exception {
        stack.createTopic(DEALS_TOPIC, 3);
        int seed = DigestData.produceSeedWeek(stack.bootstrapServers(), DEALS_TOPIC);
        Backlog.produce(stack.bootstrapServers(), DEALS_TOPIC,
                new DealBodies("digest-" + System.currentTimeMillis(), "2025-09-16"), sizes.composeDeals());
        int deals = seed + sizes.composeDeals();
        report.note("digest: " + seed + " seed deals in " + SEND_WEEK + " (the issue sent), " + sizes.composeDeals()
                + " deals in " + COMPOSE_WEEK + " (the issue previewed); " + sizes.subscribers()
                + " confirmed subscribers inserted directly; GreenMail runs at the default concurrency");

        DigestRun.Sent capacity;
        PlainSmtpLoop.Issue issue;
        try (DigestRun run = DigestRun.start(stack, report, "bench_digest_capacity", deals, sizes.subscribers(),
                UNLIMITED_RATE, Map.of())) {
            previewFigures(run.admin(), run.digest());
            run.send();
            profile(run.digest());
            capacity = run.awaitSent(UNLIMITED_RATE);
            DigestChecks.sampleInboxes(stack.smtp(), sizes.subscribers(), report);
            issue = PlainSmtpLoop.Issue.parse(DigestChecks.rawMail(stack.smtp(), DigestDb.email(0)));
        }
        report.add(AREA, "mails/s into GreenMail, rate limit above capacity", capacity.perSecond(), "/s", "",
                Double.NaN, "≥ 200/s");
        stack.smtp().purge();

        // the set rate must be below what can be sent, or the limit is never what holds the rate back
        double rate = Math.min(sizes.digestRate(), Math.floor(capacity.perSecond() * 0.6));
        try (DigestRun run = DigestRun.start(stack, report, "bench_digest_limited", deals, sizes.subscribers(), rate,
                Map.of())) {
            run.send();
            DigestRun.Sent limited = run.awaitSent(rate);
            DigestChecks.sampleInboxes(stack.smtp(), sizes.subscribers(), report);
            report.add(AREA, String.format("mails/s at rate-per-second=%.0f", rate), limited.perSecond(),
                    "/s", "the set rate", rate, "within ±5 %");
        }
        stack.smtp().purge();

        new RawSmtpComparison(stack, sizes, report, deals).run(issue);
    }

    /** Where a send spends its time: the digest and the SMTP server, 20 s into it. */
    private void profile(JavaProcess digest) throws Exception {
        Thread.sleep(SAMPLE_AFTER.toMillis());
        Path results = stack.home().resolve("benchmarks/harness/target/results");
        long now = System.currentTimeMillis();
        ThreadDump.save(digest.pid(), results.resolve("digest-sending-" + now + ".threads"));
        ThreadDump.save(stack.smtp().process().pid(), results.resolve("greenmail-receiving-" + now + ".threads"));
        Profiler.record(digest.pid(), Duration.ofSeconds(10), results, "digest-sending-" + now);
    }

    private void previewFigures(DigestAdmin admin, JavaProcess digest) throws Exception {
        for (int attempt = 1; attempt <= 3; attempt++) {
            long start = System.nanoTime();
            CompletableFuture<HttpResponse<String>> pending = admin.previewAsync(COMPOSE_WEEK);
            HttpResponse<String> response;
            try {
                response = pending.get(SLOW_PREVIEW.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException slow) {
                // slow: look at what the service is doing before waiting on
                Path dump = ThreadDump.save(digest.pid(), stack.home().resolve(
                        "benchmarks/harness/target/results/digest-preview-" + System.currentTimeMillis() + ".threads"));
                report.note("preview slower than " + SLOW_PREVIEW.toSeconds() + " s: thread dump in " + dump);
                try {
                    response = pending.get(PREVIEW_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    report.add(AREA, "compose (preview) over " + sizes.composeDeals() + " deals: NOT FINISHED",
                            (System.nanoTime() - start) / 1e6, "ms");
                    return;
                }
            }
            double millis = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("preview answered " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(500, response.body().length())));
            }
            report.add(AREA, "compose (preview) an issue over " + sizes.composeDeals() + " deals, attempt " + attempt,
                    millis, "ms");
            if (attempt == 1) {
                report.note("preview of " + COMPOSE_WEEK + ": " + response.body().length() + " characters of HTML");
            }
        }
    }
}
