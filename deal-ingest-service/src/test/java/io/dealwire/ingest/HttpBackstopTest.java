package io.dealwire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dealwire.contract.DealJson;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Bodies over the HTTP layer's backstop ({@code quarkus.http.limits.max-body-size=16M}) get the same
 * 413 problem+json as bodies over our own limits, never Vert.x's bare 413. Real 17 MiB requests, sent
 * by a client that reads the answer while it is still sending (the server refuses early and closes).
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
class HttpBackstopTest {

    private static final int MIB = 1024 * 1024;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @TestHTTPResource("/api/v1/deals")
    URI single;

    @TestHTTPResource("/api/v1/deals/batch")
    URI batch;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void shouldAnswer413ProblemForABodyDeclaringMoreThanTheBackstop() throws Exception {
        DealTopic topic = new DealTopic(kafka.getBootstrapServers());
        long before = topic.size();
        byte[] body = paddedDeal(17 * MIB);

        assertProblem413(post(single, HttpRequest.BodyPublishers.ofByteArray(body)), "/api/v1/deals");
        assertProblem413(post(batch, HttpRequest.BodyPublishers.ofByteArray(inArray(body))), "/api/v1/deals/batch");

        assertThat(topic.size()).isEqualTo(before);
    }

    @Test
    void shouldAnswer413ProblemForAChunkedBodyLargerThanTheBackstop() throws Exception {
        // no Content-Length: the limit holds on the bytes read, which stop at 256 KiB / 8 MiB
        byte[] body = paddedDeal(17 * MIB);

        assertProblem413(post(single, chunked(body)), "/api/v1/deals");
        assertProblem413(post(batch, chunked(inArray(body))), "/api/v1/deals/batch");
    }

    private HttpResponse<String> post(URI uri, BodyPublisher body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + Partners.REEX_KEY)
                .header("Content-Type", "application/json")
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem413(HttpResponse<String> response, String path) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = DealJson.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("instance").asText()).isEqualTo(path);
    }

    private static BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    private static byte[] inArray(byte[] deal) {
        byte[] array = new byte[deal.length + 2];
        array[0] = '[';
        System.arraycopy(deal, 0, array, 1, deal.length);
        array[array.length - 1] = ']';
        return array;
    }

    private static byte[] paddedDeal(int bytes) {
        ObjectNode deal = Deals.defaultDeal();
        deal.put("summary", "s".repeat(bytes - deal.toString().length()));
        return deal.toString().getBytes(StandardCharsets.UTF_8);
    }
}
