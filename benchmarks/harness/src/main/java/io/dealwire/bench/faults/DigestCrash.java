package io.dealwire.bench.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealwire.bench.catalog.Backlog;
import io.dealwire.bench.stack.BenchStack;
import io.dealwire.bench.stack.JavaProcess;
import io.dealwire.bench.stack.SmtpSink;
import io.dealwire.contract.DealJson;
import io.dealwire.contract.Topics;
import io.dealwire.localstack.DevKeys;
import io.dealwire.localstack.Service;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * kill -9 of the digest while it sends an issue on {@value #LANES} lanes, at a random point of the
 * send (seeded), then a restart: the send must resume by itself; every subscriber gets the issue, and
 * at most {@value #LANES} get it twice (the messages in flight at the kill, one per lane).
 */
final class DigestCrash {

    static final String DATABASE = "faults_digest";
    static final String WEEK = "2025-W37";
    static final int SUBSCRIBERS = 1500;
    static final int RATE = 100;
    /** {@code dealwire.digest.concurrency}: mails in flight, so duplicates a kill may cost. */
    static final int LANES = 4;
    private static final Duration DONE_TIMEOUT = Duration.ofMinutes(5);

    private final BenchStack stack;
    private final Findings findings;
    private final Random random;

    DigestCrash(BenchStack stack, Findings findings, long seed) {
        this.stack = stack;
        this.findings = findings;
        this.random = new Random(seed ^ 0x5DEECE66DL);
    }

    void run() throws Exception {
        SmtpSink smtp = stack.smtp();
        smtp.purge();
        stack.postgres().createDatabase(DATABASE);
        produceSeedWeek();
        JavaProcess digest = stack.startService(Service.DIGEST, DATABASE, Map.of(
                "dealwire.digest.rate-per-second", Integer.toString(RATE),
                "dealwire.digest.concurrency", Integer.toString(LANES),
                // a restarted sender picks the open deliveries up on this period (default 1 min)
                "dealwire.digest.resume-every", "5s")).awaitReady();
        try (Connection db = stack.postgres().connect(DATABASE)) {
            awaitDeals(db, digest);
            insertSubscribers(db);
            send(digest.baseUri());
            int killAt = SUBSCRIBERS / 5 + random.nextInt(SUBSCRIBERS * 3 / 5);
            while (count(db, "SELECT count(*) FROM digest.delivery WHERE week = '" + WEEK + "' AND status = 'SENT'")
                    < killAt) {
                Thread.sleep(20);
            }
            digest.kill();
            int sentAtKill = count(db, "SELECT count(*) FROM digest.delivery WHERE week = '" + WEEK
                    + "' AND status = 'SENT'");
            int inFlightAtKill = count(db, "SELECT count(*) FROM digest.delivery WHERE week = '" + WEEK
                    + "' AND status = 'SENDING'");
            digest = stack.respawn(digest).awaitReady();
            long deadline = System.nanoTime() + DONE_TIMEOUT.toNanos();
            while (count(db, "SELECT count(*) FROM digest.delivery WHERE week = '" + WEEK
                    + "' AND status IN ('PENDING', 'SENDING')") > 0 && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            int failed = count(db, "SELECT count(*) FROM digest.delivery WHERE week = '" + WEEK
                    + "' AND status NOT IN ('SENT')");
            checkMailboxes(smtp, sentAtKill, inFlightAtKill, failed);
        } finally {
            stack.stop(digest);
        }
    }

    private void checkMailboxes(SmtpSink smtp, int sentAtKill, int inFlightAtKill, int notSent) throws Exception {
        ObjectMapper json = new ObjectMapper();
        int none = 0;
        int twice = 0;
        int more = 0;
        for (int i = 0; i < SUBSCRIBERS; i++) {
            int mails = json.readTree(smtp.inboxJson(email(i))).size();
            if (mails == 0) {
                none++;
            } else if (mails == 2) {
                twice++;
            } else if (mails > 2) {
                more++;
            }
        }
        boolean holds = none == 0 && twice <= LANES && more == 0 && notSent == 0;
        findings.add("kill -9 digest during a send", "after " + sentAtKill + " of " + SUBSCRIBERS
                + " mails (rate " + RATE + "/s, " + LANES + " lanes, " + inFlightAtKill + " SENDING at the kill),"
                + " restarted at once", SUBSCRIBERS + " confirmed subscribers, one issue", holds,
                String.format("%d subscribers without the issue, %d with it twice (≤ %d allowed), %d more than twice;"
                        + " %d deliveries not SENT in the ledger", none, twice, LANES, more, notSent));
    }

    private void produceSeedWeek() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/week-2025-W37.json");
                KafkaProducer<String, byte[]> producer = Backlog.producer(stack.bootstrapServers())) {
            for (var node : DealJson.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                producer.send(Backlog.record(Topics.DEALS, DealJson.readDeal(node)));
            }
            producer.flush();
        }
    }

    /** The 9 seed deals (and the crash scenarios' deals of a later week) have reached the digest. */
    private void awaitDeals(Connection db, JavaProcess digest) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (count(db, "SELECT count(*) FROM digest.deal WHERE reported_on <= '2025-09-14'") < 9) {
            if (System.nanoTime() > deadline || !digest.isAlive()) {
                throw new IllegalStateException("the seed week did not reach the digest");
            }
            Thread.sleep(500);
        }
    }

    private static void insertSubscribers(Connection db) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO digest.subscriber"
                + " (email, name, status, created_at, confirmed_at) VALUES (?, ?, 'CONFIRMED', ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < SUBSCRIBERS; i++) {
                insert.setString(1, email(i));
                insert.setString(2, "Subscriber " + i);
                insert.setTimestamp(3, now);
                insert.setTimestamp(4, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void send(URI digest) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        digest.resolve("api/v1/digests/" + WEEK + "/send"))
                        .header("Authorization", "Bearer " + DevKeys.ADMIN_KEY)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("send answered " + response.statusCode() + ": " + response.body());
        }
    }

    static String email(int index) {
        return "fault-subscriber-" + index + "@bench.dealwire.local";
    }

    private static int count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0;
            }
            throw e;
        }
    }
}
