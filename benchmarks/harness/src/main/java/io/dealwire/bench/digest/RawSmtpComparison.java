package io.dealwire.bench.digest;

import io.dealwire.bench.BenchSizes;
import io.dealwire.bench.report.Report;
import io.dealwire.bench.stack.BenchStack;
import io.dealwire.bench.stack.CpuShares;
import io.dealwire.bench.stack.PostfixTools;
import io.dealwire.bench.stack.Profiler;
import io.dealwire.localstack.FreePorts;
import io.dealwire.localstack.ManagedProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The digest beside raw SMTP into the same sink, Postfix's {@code smtp-sink} (which keeps nothing and
 * costs little CPU, unlike GreenMail): at 1, 2, 4 and 8 mails in flight, (a) Postfix's
 * {@code smtp-source} with as many sessions, (b) {@link PlainSmtpLoop} with as many connections and
 * (c) the digest with as many lanes ({@code dealwire.digest.concurrency}), each sending the same issue
 * to the same number of readers, one after the other. The digest's ratio is to (b), the same client
 * without the ledger. A last run at the default concurrency samples the CPU of each process and
 * profiles the digest: whether the sink, the database or the digest is what holds it back.
 */
final class RawSmtpComparison {

    private static final String AREA = "digest vs raw SMTP";
    private static final List<Integer> IN_FLIGHT = List.of(1, 2, 4, 8);
    private static final int DEFAULT_CONCURRENCY = 4;
    private static final Duration SAMPLE_AFTER = Duration.ofSeconds(8);
    private static final Duration WINDOW = Duration.ofSeconds(10);

    private final BenchStack stack;
    private final BenchSizes sizes;
    private final Report report;
    private final int deals;

    RawSmtpComparison(BenchStack stack, BenchSizes sizes, Report report, int deals) {
        this.stack = stack;
        this.sizes = sizes;
        this.report = report;
        this.deals = deals;
    }

    void run(PlainSmtpLoop.Issue issue) throws Exception {
        PostfixTools postfix;
        try {
            postfix = PostfixTools.unpack(stack.home().resolve("benchmarks/harness/target/postfix"));
        } catch (IOException | RuntimeException e) {
            report.note("raw SMTP baselines skipped, Postfix's tools could not be unpacked: " + e.getMessage());
            return;
        }
        int port = FreePorts.any();
        try (ManagedProcess sink = postfix.startSink(port, stack.stateDir().resolve("smtp-sink"), stack.sink())) {
            int mails = sizes.subscribers();
            PlainSmtpLoop loop = new PlainSmtpLoop(issue);
            loop.encodeMillis(mails); // warm-up of the encoder, then the figure
            report.add(AREA, "build and encode one mail (" + issue.bytes() + " bytes), no I/O", loop.encodeMillis(mails),
                    "ms");
            loop.send(port, mails, DEFAULT_CONCURRENCY); // warm-up of the client
            for (int inFlight : IN_FLIGHT) {
                double source = mails / postfix.source(port, mails, issue.bytes(), inFlight);
                report.add(AREA, "smtp-source → smtp-sink, " + inFlight + " sessions", source, "/s");
                CpuShares.Snapshot before = cpu(sink, null);
                double plain = loop.send(port, mails, inFlight);
                report.note("plain client loop, " + inFlight + " connections: "
                        + cpu(sink, null).perUnitSince(before, mails, "mail"));
                report.add(AREA, "plain client loop → smtp-sink, " + inFlight + " connections", plain, "/s",
                        "smtp-source", source, "");
                DigestRun.Sent digest = digest(port, inFlight, sink, false);
                report.add(AREA, "digest → smtp-sink, concurrency " + inFlight, digest.perSecond(), "/s",
                        "plain client loop", plain, inFlight == DEFAULT_CONCURRENCY ? "≥ 400/s and ≥ 0.7×" : "");
            }
            // once more at the default, observed: the recording slows the run it watches, so it has its own
            digest(port, DEFAULT_CONCURRENCY, sink, true);
        }
    }

    /** @param observed whether to sample CPU shares and profile the digest during the send */
    private DigestRun.Sent digest(int port, int concurrency, ManagedProcess sink, boolean observed) throws Exception {
        String database = "bench_digest_sink_" + concurrency + (observed ? "_observed" : "");
        try (DigestRun run = DigestRun.start(stack, report, database, deals, sizes.subscribers(), DigestBench.UNLIMITED_RATE,
                Map.of("quarkus.mailer.port", Integer.toString(port),
                        "dealwire.digest.concurrency", Integer.toString(concurrency)))) {
            CpuShares.Snapshot before = cpu(sink, run.digest().pid());
            run.send();
            if (observed) {
                explain(run, sink);
            }
            DigestRun.Sent sent = run.awaitSent(DigestBench.UNLIMITED_RATE);
            report.note("digest, concurrency " + concurrency + ": "
                    + cpu(sink, run.digest().pid()).perUnitSince(before, sent.mails(), "mail"));
            return sent;
        }
    }

    /** CPU ticks of every process a send involves (the digest's when there is one). */
    private CpuShares.Snapshot cpu(ManagedProcess sink, Long digest) {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (digest != null) {
            pids.put("digest", digest);
        }
        pids.put("smtp-sink", sink.pid());
        pids.put("harness", ProcessHandle.current().pid());
        return CpuShares.Snapshot.take(pids, Map.of("postgres", stack.postgres().postmasterPid()));
    }

    /** CPU per process over a window of the send, then a profile of the digest. */
    private void explain(DigestRun run, ManagedProcess sink) throws InterruptedException {
        Thread.sleep(SAMPLE_AFTER.toMillis());
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("digest", run.digest().pid());
        pids.put("smtp-sink", sink.pid());
        pids.put("kafka", stack.kafka().node(0).process().pid());
        pids.put("harness", ProcessHandle.current().pid());
        report.note("digest → smtp-sink at concurrency " + DEFAULT_CONCURRENCY + ", " + CpuShares.measure(pids,
                Map.of("postgres (all backends)", stack.postgres().postmasterPid()), WINDOW));
        Path results = stack.home().resolve("benchmarks/harness/target/results");
        Path top = Profiler.record(run.digest().pid(), WINDOW, results,
                "digest-to-smtp-sink-" + System.currentTimeMillis());
        report.note("profile of the digest sending into smtp-sink: " + top);
    }
}
