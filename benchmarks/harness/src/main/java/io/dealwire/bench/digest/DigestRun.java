package io.dealwire.bench.digest;

import io.dealwire.bench.Footprint;
import io.dealwire.bench.report.Report;
import io.dealwire.bench.stack.BenchStack;
import io.dealwire.bench.stack.JavaProcess;
import io.dealwire.localstack.Service;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One digest process with a database of its own, from start to the end of one issue's send: it is
 * started, waits until it has every deal, gets the confirmed subscribers, sends the issue when told
 * and reports what the ledger says once nothing is open.
 */
final class DigestRun implements AutoCloseable {

    /** An issue sent: SENT rows and the ledger's first-to-last sent_at; the sender's own timing line. */
    record Sent(int mails, double seconds, String timing) {

        double perSecond() {
            return (mails - 1) / seconds;
        }
    }

    private static final Duration TIMING_LINE = Duration.ofSeconds(5);

    private final BenchStack stack;
    private final Report report;
    private final String database;
    private final int subscribers;
    private final JavaProcess digest;
    private final DigestDb db;
    private final DigestAdmin admin;

    private DigestRun(BenchStack stack, Report report, String database, int subscribers, JavaProcess digest,
            DigestDb db) {
        this.stack = stack;
        this.report = report;
        this.database = database;
        this.subscribers = subscribers;
        this.digest = digest;
        this.db = db;
        this.admin = new DigestAdmin(digest.baseUri());
    }

    /**
     * @param rate the digest's {@code rate-per-second}
     * @param settings more keys: the concurrency, another SMTP port
     */
    static DigestRun start(BenchStack stack, Report report, String database, int deals, int subscribers, double rate,
            Map<String, String> settings) throws Exception {
        stack.postgres().createDatabase(database);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("mp.messaging.incoming.deals.topic", DigestBench.DEALS_TOPIC);
        config.put("mp.messaging.incoming.deals.group.id", "bench-" + database);
        config.put("dealwire.digest.rate-per-second", Double.toString(rate));
        config.putAll(settings);
        JavaProcess digest = Footprint.ready(stack.startService(Service.DIGEST, database, config), report);
        DigestDb db = null;
        try {
            db = new DigestDb(stack.postgres(), database);
            db.awaitDeals(deals, digest, Duration.ofMinutes(10));
            db.insertConfirmedSubscribers(subscribers);
            return new DigestRun(stack, report, database, subscribers, digest, db);
        } catch (Exception | Error e) {
            if (db != null) {
                db.close();
            }
            stack.stop(digest);
            throw e;
        }
    }

    JavaProcess digest() {
        return digest;
    }

    DigestAdmin admin() {
        return admin;
    }

    /** Tells the digest to send the issue of {@link DigestBench#SEND_WEEK}. */
    void send() throws Exception {
        HttpResponse<String> send = admin.send(DigestBench.SEND_WEEK);
        if (send.statusCode() != 202) {
            throw new IllegalStateException("send answered " + send.statusCode() + ": " + send.body());
        }
    }

    /** Waits until no delivery is open; notes and returns what the ledger and the sender say. */
    Sent awaitSent(double rate) throws Exception {
        DigestDb.Deliveries done = db.awaitDeliveries(DigestBench.SEND_WEEK, subscribers, digest,
                Duration.ofSeconds((long) (subscribers / Math.min(rate, 50)) + 300));
        String timing = timingLine();
        report.note(String.format("digest %s: %d SENT, %d other, first to last %.1f s; RSS %d MiB; %s", database,
                done.sent(), done.other(), done.seconds(), digest.rssKib() / 1024, timing));
        if (done.sent() != subscribers || done.other() != 0) {
            report.note("MISMATCH: " + database + " should have " + subscribers + " SENT and nothing else");
        }
        return new Sent(done.sent(), done.seconds(), timing);
    }

    /** The sender's "Send run: …" log line (ledger and SMTP per mail), written as the run ends. */
    private String timingLine() throws InterruptedException {
        long deadline = System.nanoTime() + TIMING_LINE.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : digest.process().tail()) {
                int at = line.indexOf("Send run:");
                if (at >= 0) {
                    return line.substring(at);
                }
            }
            Thread.sleep(100);
        }
        return "no \"Send run:\" line in the digest's log";
    }

    @Override
    public void close() throws Exception {
        try {
            db.close();
        } finally {
            stack.stop(digest);
        }
    }
}
