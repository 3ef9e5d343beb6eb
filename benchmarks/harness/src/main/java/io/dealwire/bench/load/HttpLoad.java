package io.dealwire.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Two load models over java.net.http (HTTP/1.1, kept-alive connections):
 * <ul>
 * <li>{@link #closed}: a fixed number of clients, each sending its next request when the previous one
 * was answered; finds the maximum rate (and its latency, which includes queueing);</li>
 * <li>{@link #fixedRate}: requests are due at a fixed rate whatever the server does (open model, as
 * wrk2 does it with a fixed set of connections); a request's latency is counted from when it was due,
 * not from when it could be sent, so a stalled server cannot hide its stall (no coordinated
 * omission).</li>
 * </ul>
 * Each model warms up first (JIT, connection pool), then measures a fresh window.
 */
public final class HttpLoad implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "http-client");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(executor)
            .build();
    private final AtomicLong sequence;

    /** @param firstIndex the index of the first request body (distinct bodies across phases) */
    public HttpLoad(long firstIndex) {
        this.sequence = new AtomicLong(firstIndex);
    }

    /** POST application/json with a bearer key. */
    public static HttpRequest post(URI uri, String bearer, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder.build();
    }

    public LoadResult closed(LongFunction<HttpRequest> requests, int expectedStatus, int clients, Duration warmup,
            Duration measure) throws InterruptedException {
        closedWindow(requests, expectedStatus, clients, warmup);
        return closedWindow(requests, expectedStatus, clients, measure);
    }

    private LoadResult closedWindow(LongFunction<HttpRequest> requests, int expectedStatus, int clients,
            Duration window) throws InterruptedException {
        Recording recording = new Recording(expectedStatus);
        long start = System.nanoTime();
        long end = start + window.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    HttpRequest request = requests.apply(sequence.getAndIncrement());
                    long sent = System.nanoTime();
                    try {
                        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        recording.answer(status, System.nanoTime() - sent);
                    } catch (IOException e) {
                        recording.failure();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "load-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        // the window is as long as the last answer took: requests sent near the end are counted
        return recording.result((System.nanoTime() - start) / 1e9);
    }

    public LoadResult fixedRate(LongFunction<HttpRequest> requests, int expectedStatus, double perSecond,
            int clients, Duration warmup, Duration measure) throws InterruptedException {
        fixedRateWindow(requests, expectedStatus, perSecond, clients, warmup);
        return fixedRateWindow(requests, expectedStatus, perSecond, clients, measure);
    }

    /**
     * {@code clients} threads share the schedule: each takes the next due slot, waits for it and sends
     * synchronously on its kept-alive connection. A slot taken late (every client busy) still counts
     * from when it was due, so a stall shows as latency instead of a lower rate being silently offered.
     */
    private LoadResult fixedRateWindow(LongFunction<HttpRequest> requests, int expectedStatus, double perSecond,
            int clients, Duration window) throws InterruptedException {
        Recording recording = new Recording(expectedStatus);
        long total = (long) (perSecond * window.toNanos() / 1e9);
        double intervalNanos = 1e9 / perSecond;
        AtomicLong slots = new AtomicLong();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                for (long slot = slots.getAndIncrement(); slot < total; slot = slots.getAndIncrement()) {
                    long due = start + (long) (slot * intervalNanos);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    HttpRequest request = requests.apply(sequence.getAndIncrement());
                    try {
                        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        recording.answer(status, System.nanoTime() - due);
                    } catch (IOException e) {
                        recording.failure();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "rate-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return recording.result((System.nanoTime() - start) / 1e9);
    }

    /** The next body index (so a later phase can go on with fresh externalIds). */
    public long nextIndex() {
        return sequence.get();
    }

    public HttpClient client() {
        return client;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
