package io.dealwire.ingest.outage;

import static io.dealwire.ingest.DealTopic.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dealwire.ingest.DealTopic;
import io.dealwire.ingest.Deals;
import io.dealwire.ingest.Partners;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away and comes back: the API answers 503 with Retry-After within the bound,
 * readiness follows the broker, and every request that was answered 202 is on the topic afterwards.
 */
@QuarkusTest
@WithTestResource(StoppableBrokerResource.class)
class BrokerOutageTest {

    /** The bound is 2 s; this margin only separates "bounded" from the producer's 60 s default block. */
    private static final Duration BOUND_WITH_MARGIN = Duration.ofSeconds(2 + 8);

    @InjectStoppableBroker
    StoppableBroker broker;

    @Test
    void shouldAnswer503WithinTheBoundAndLoseNothingAnswered202() throws Exception {
        List<String> accepted = new CopyOnWriteArrayList<>();
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService partner = Executors.newSingleThreadExecutor();
        Future<?> traffic = partner.submit(() -> {
            while (running.get()) {
                Response response = Partners.asReex().body(Deals.json(Deals.defaultDeal())).post("/api/v1/deals");
                statuses.add(response.statusCode());
                if (response.statusCode() == 202) {
                    accepted.add(response.jsonPath().getString("eventId"));
                }
            }
        });
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 3);

            broker.stop();
            await().atMost(Duration.ofSeconds(60)).until(() -> statuses.stream().filter(s -> s == 503).count() >= 2);
            assertOutageAnswers();

            broker.start();
            int acceptedBeforeRecovery = accepted.size();
            await().atMost(Duration.ofSeconds(120)).until(() -> accepted.size() >= acceptedBeforeRecovery + 3);
            given().get("/q/health/ready").then().statusCode(200);
        } finally {
            running.set(false);
            traffic.get();
            partner.shutdown();
        }

        assertThat(statuses).containsOnly(202, 503);
        Set<String> onTopic = new DealTopic(broker.bootstrapServers()).all().stream()
                .map(r -> header(r, "ce_id")).collect(Collectors.toSet());
        assertThat(onTopic).containsAll(accepted);
    }

    /** While the broker is down: a bounded 503 with Retry-After, and readiness DOWN. */
    private void assertOutageAnswers() {
        long start = System.nanoTime();
        Response refused = Partners.asReex().body(Deals.json(Deals.defaultDeal())).post("/api/v1/deals");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isEqualTo(StoppableBrokerResource.RETRY_AFTER_SECONDS);
        assertThat(took).isLessThan(BOUND_WITH_MARGIN);
        given().get("/q/health/ready").then().statusCode(503);
    }
}
