package io.dealwire.bench.digest;

import io.dealwire.localstack.DevKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The digest's admin API, with the DEVELOPMENT admin key. */
final class DigestAdmin {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;

    DigestAdmin(URI base) {
        this.base = base;
    }

    HttpResponse<String> send(String week) throws IOException, InterruptedException {
        return client.send(request("api/v1/digests/" + week + "/send").POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> previewAsync(String week) {
        return client.sendAsync(request("api/v1/digests/" + week + "/preview").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(6))
                .header("Authorization", "Bearer " + DevKeys.ADMIN_KEY);
    }
}
