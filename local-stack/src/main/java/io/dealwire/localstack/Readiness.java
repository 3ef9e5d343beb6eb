package io.dealwire.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Waits for an HTTP endpoint to answer 200, giving up early when the process behind it died. */
public final class Readiness {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private Readiness() {
    }

    public static void await(ManagedProcess process, URI uri, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("not ready: " + process.diagnostics());
            }
            if (answers200(uri)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(uri + " not ready after " + timeout.toSeconds() + " s: "
                        + process.diagnostics());
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    public static boolean answers200(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
