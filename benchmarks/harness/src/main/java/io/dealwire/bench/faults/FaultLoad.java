package io.dealwire.bench.faults;

import io.dealwire.bench.load.DealBodies;
import io.dealwire.localstack.DevKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Deals posted at a fixed rate on a thread of their own while a fault is injected; every answer (or
 * transport failure) is remembered per deal, so the invariants can be checked afterwards.
 */
final class FaultLoad {

    /** What the partner saw: the deals that got a 202, a tally of every other outcome, every answer. */
    record Outcomes(long posted, Set<Long> accepted, Map<String, Integer> others, List<Answer> answers) {

        String describe() {
            return posted + " posted, " + accepted.size() + " got 202, others " + new TreeMap<>(others);
        }
    }

    /** One request: sent and answered in {@link System#nanoTime()}, its status or -1 (no answer). */
    record Answer(long index, long sent, long answered, int status) {
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI ingest;
    private final DealBodies bodies;
    private final double perSecond;
    private final Set<Long> accepted = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> others = new ConcurrentHashMap<>();
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    // counts the answers still awaited, so stop() returns only once every request has an outcome
    private final Phaser inFlight = new Phaser(1);
    private volatile boolean running;
    private Thread pacer;
    private long posted;

    FaultLoad(URI ingest, DealBodies bodies, double perSecond) {
        this.ingest = ingest;
        this.bodies = bodies;
        this.perSecond = perSecond;
    }

    void start() {
        running = true;
        pacer = new Thread(this::pace, "fault-load");
        pacer.start();
    }

    private void pace() {
        long start = System.nanoTime();
        double interval = 1e9 / perSecond;
        for (long i = 0; running; i++) {
            long wait = start + (long) (i * interval) - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long index = i;
            HttpRequest request = HttpRequest.newBuilder(ingest).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + DevKeys.PARTNER_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.body(index), StandardCharsets.UTF_8))
                    .build();
            inFlight.register();
            posted = i + 1;
            long sent = System.nanoTime();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        answers.add(new Answer(index, sent, System.nanoTime(),
                                error == null ? response.statusCode() : -1));
                        if (error != null) {
                            Throwable cause = error instanceof CompletionException && error.getCause() != null
                                    ? error.getCause() : error;
                            others.merge(cause.getClass().getSimpleName(), 1, Integer::sum);
                        } else if (response.statusCode() == 202) {
                            accepted.add(index);
                        } else {
                            others.merge(Integer.toString(response.statusCode()), 1, Integer::sum);
                        }
                        inFlight.arriveAndDeregister();
                    });
        }
    }

    Outcomes stop() throws InterruptedException {
        running = false;
        pacer.join();
        try {
            // every request has its own timeout; this bound only guards against a lost completion
            inFlight.awaitAdvanceInterruptibly(inFlight.arrive(), REQUEST_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            others.merge("no outcome", inFlight.getUnarrivedParties(), Integer::sum);
        }
        return new Outcomes(posted, Set.copyOf(accepted), Map.copyOf(others), List.copyOf(answers));
    }
}
