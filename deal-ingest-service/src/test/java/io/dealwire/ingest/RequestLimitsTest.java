package io.dealwire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dealwire.contract.DealJson;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** 413 (256 KiB single, 8 MiB batch) and 415. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
class RequestLimitsTest {

    private static final int KIB = 1024;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void shouldAnswer413ForASingleDealOver256KiB() {
        DealTopic topic = new DealTopic(kafka.getBootstrapServers());
        long before = topic.size();

        Partners.asReex().body(paddedDeal(257 * KIB)).post("/api/v1/deals")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));

        assertThat(topic.size()).isEqualTo(before);
    }

    @Test
    void shouldAnswer413ForAChunkedSingleDealOver256KiB() {
        byte[] body = paddedDeal(257 * KIB).getBytes(StandardCharsets.UTF_8);
        // an InputStream body is sent chunked, without Content-Length: the limit holds on the bytes read
        Partners.asReex().body(new ByteArrayInputStream(body)).post("/api/v1/deals")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void shouldReadADealJustUnder256KiB() {
        // within the limit, so it is read and judged: too long a summary is a 400, not a 413
        Partners.asReex().body(paddedDeal(250 * KIB)).post("/api/v1/deals")
                .then().statusCode(400).body("errors.field", hasItem("summary"));
    }

    @Test
    void shouldAcceptABatchLargerThanTheSingleDealLimit() {
        ArrayNode batch = DealJson.newMapper().createArrayNode();
        while (batch.toString().length() < 300 * KIB) {
            ObjectNode deal = Deals.defaultDeal();
            deal.put("summary", "s".repeat(3900));
            batch.add(deal);
        }

        Partners.asReex().body(batch.toString()).post("/api/v1/deals/batch")
                .then().statusCode(200).body("accepted", equalTo(batch.size()));
    }

    @Test
    void shouldAnswer413ForABatchOver8MiB() {
        String body = "[" + paddedDeal(8 * KIB * KIB + KIB) + "]";

        Partners.asReex().body(body).post("/api/v1/deals/batch")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void shouldAnswer413ForAChunkedBatchOver8MiB() {
        byte[] body = ("[" + paddedDeal(8 * KIB * KIB + KIB) + "]").getBytes(StandardCharsets.UTF_8);

        Partners.asReex().body(new ByteArrayInputStream(body)).post("/api/v1/deals/batch")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void shouldAnswer415ForAnotherContentType() {
        Partners.asReex().contentType(ContentType.TEXT).body(Deals.json(Deals.defaultDeal())).post("/api/v1/deals")
                .then().statusCode(415).contentType("application/problem+json");
        Partners.asReex().contentType(ContentType.XML).body("<deal/>").post("/api/v1/deals/batch")
                .then().statusCode(415).contentType("application/problem+json");
    }

    /** A deal whose JSON is about {@code bytes} long (the summary makes it invalid, but size is judged first). */
    private static String paddedDeal(int bytes) {
        ObjectNode deal = Deals.defaultDeal();
        int rest = bytes - deal.toString().length();
        deal.put("summary", "s".repeat(Math.max(0, rest)));
        return deal.toString();
    }
}
