package io.dealwire.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The few HTTP calls the demo makes, as a person's browser or a partner's system would. */
final class Http {

    /** A response: status, body as text and headers. */
    record Reply(int status, String body, HttpHeaders headers) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The response's ETag (the edition's version, e.g. {@code "3"}), to send back as If-Match. */
        String etag() {
            return headers.firstValue("ETag")
                    .orElseThrow(() -> new IllegalStateException("no ETag in HTTP " + status + " " + body));
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    Reply get(URI uri, String bearer) throws IOException, InterruptedException {
        return send(request(uri, bearer).GET().build());
    }

    Reply postJson(URI uri, String json, String bearer) throws IOException, InterruptedException {
        return send(request(uri, bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build());
    }

    /** A JSON document replacing a resource, conditional on the version read ({@code If-Match}). */
    Reply putJson(URI uri, String json, String bearer, String ifMatch) throws IOException, InterruptedException {
        return send(request(uri, bearer)
                .header("Content-Type", "application/json")
                .header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build());
    }

    /** A command without a body, conditional on the version read (e.g. the edition's approve). */
    Reply post(URI uri, String bearer, String ifMatch) throws IOException, InterruptedException {
        return send(request(uri, bearer).header("If-Match", ifMatch)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** A command without a body (e.g. the admin API's send). */
    Reply post(URI uri, String bearer) throws IOException, InterruptedException {
        return send(request(uri, bearer).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** An HTML form without fields, as a confirmation button submits it. */
    Reply postForm(URI uri) throws IOException, InterruptedException {
        return send(request(uri, null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private static HttpRequest.Builder request(URI uri, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.body(), response.headers());
    }
}
