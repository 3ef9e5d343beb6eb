package io.dealwire.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The JSON calls a partner's system or an editor's script makes: how the tests seed the stack. */
final class Api {

    /** An answer: status and body. */
    record Reply(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Reply get(URI uri, String bearer) {
        return send(request(uri, bearer).GET().build());
    }

    Reply postJson(URI uri, String body, String bearer) {
        return send(request(uri, bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    /** A command without a body, like the admin API's send. */
    Reply post(URI uri, String bearer) {
        return send(request(uri, bearer).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Fails with the answer when the status is not the expected one. */
    static Reply expect(int status, Reply reply, String what) {
        if (reply.status() != status) {
            throw new IllegalStateException(what + ": expected HTTP " + status + " but got " + reply.status()
                    + " " + reply.body());
        }
        return reply;
    }

    private static HttpRequest.Builder request(URI uri, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
