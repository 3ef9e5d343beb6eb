package io.dealwire.digest.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.dealwire.contract.Deal;
import io.dealwire.contract.DealEvent;
import io.dealwire.contract.DealJson;
import io.dealwire.contract.Headers;
import io.dealwire.contract.Topics;
import io.dealwire.digest.deals.DigestDeal;
import io.dealwire.digest.subscription.Subscriber;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * What tests do again and again: publish deal events, subscribe, send an issue, wait for it.
 * <p>
 * Every class of this module shares one app and one database, and an issue takes every unissued deal
 * reported up to its week, so each class owns its weeks (named in its javadoc) and issues or
 * withdraws every deal it publishes: 2025-W37 SeedWeekDigestTest, 2026-W10..W12
 * SubscriptionLifecycleTest, W14..W19 IssueRuleTest, W20..W21 CrashResumeTest, W22
 * SubscriberFilterTest, W23 and W25 SmtpOutageTest, W24 DeliveryLedgerTest, W30 DealConsumerTest (withdrawn),
 * W32..W39 EditionApiTest, W40..W43 DeskEditionTest (W43 sent), W45 and W47 SmtpOutcomesTest (sent), W46 DealApplierTest (withdrawn); 2020-W01 AccessTest (sent empty: no deal is
 * reported that early).
 */
public final class DigestFlows {

    /** DEVELOPMENT KEY of the test profile (its SHA-256 is in application.properties). */
    public static final String ADMIN_KEY = "dev-admin-key-DEVELOPMENT-ONLY";
    /** DEVELOPMENT KEY of the test profile's editor {@code desk}. */
    public static final String EDITOR_KEY = "dev-editor-key";
    public static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Instant DEFAULT_OCCURRED_AT = Instant.parse("2026-01-01T10:00:00Z");

    private DigestFlows() {
    }

    public static DealEvent submit(KafkaCompanion kafka, Deal deal) {
        DealEvent event = DealEvent.submitted(SeedDeals.DEFAULT_PARTNER, deal, DEFAULT_OCCURRED_AT);
        publish(kafka, event);
        return event;
    }

    public static DealEvent withdraw(KafkaCompanion kafka, String externalId) {
        DealEvent event = DealEvent.withdrawn(SeedDeals.DEFAULT_PARTNER, externalId, DEFAULT_OCCURRED_AT.plusSeconds(60));
        publish(kafka, event);
        return event;
    }

    public static void publish(KafkaCompanion kafka, DealEvent event) {
        RecordHeaders headers = new RecordHeaders();
        Headers.of(event).forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.DEALS, null, event.dealId().toString(),
                DealJson.write(event), headers)).awaitCompletion();
    }

    /** Waits until the digest's copy of the deal reflects {@code event}. */
    public static void awaitApplied(DealEvent... events) {
        for (DealEvent event : events) {
            await().atMost(PATIENCE).until(() -> lastEventOf(event).filter(event.eventId()::equals).isPresent());
        }
    }

    public static Optional<java.util.UUID> lastEventOf(DealEvent event) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(
                DigestDeal.<DigestDeal>findById(event.dealId())).map(d -> d.lastEventId));
    }

    public static ExtractableResponse<Response> sendIssue(String week) {
        return given().header("Authorization", "Bearer " + ADMIN_KEY)
                .post("/api/v1/digests/{week}/send", week).then().extract();
    }

    /** Waits until every ledger row of the issue is closed and its summary is on Kafka. */
    public static void awaitIssueSent(String week) {
        await().atMost(PATIENCE).until(() -> {
            Map<String, Object> state = given().header("Authorization", "Bearer " + ADMIN_KEY)
                    .get("/api/v1/digests/{week}", week).then().statusCode(200).extract().jsonPath().getMap("$");
            return "SENT".equals(state.get("status")) && state.get("summaryPublishedAt") != null;
        });
    }

    /** Subscribes through the API, follows the confirmation mail and confirms with the page's POST. */
    public static void subscribeAndConfirm(GreenMail greenMail, String email, Map<String, Object> preferences) {
        given().contentType(ContentType.JSON).body(subscription(email, preferences))
                .post("/api/v1/subscriptions").then().statusCode(202);
        MimeMessage confirmation = awaitMails(greenMail, email, 1).get(0);
        given().post("/confirm/{token}", Mails.confirmToken(confirmation)).then().statusCode(200);
    }

    public static Map<String, Object> subscription(String email, Map<String, Object> preferences) {
        Map<String, Object> body = new java.util.HashMap<>(preferences);
        body.put("email", email);
        return body;
    }

    public static List<MimeMessage> awaitMails(GreenMail greenMail, String recipient, int count) {
        await().atMost(PATIENCE).until(() -> Mails.to(greenMail, recipient).size() >= count);
        return Mails.to(greenMail, recipient);
    }

    /** The summary record of {@code week} on dealwire.digests.v1. */
    public static org.apache.kafka.clients.consumer.ConsumerRecord<String, String> awaitSummary(KafkaCompanion kafka,
            String week) {
        var task = kafka.consumeStrings().fromTopics(Topics.DIGESTS);
        try {
            await().atMost(PATIENCE).until(() -> task.getRecords().stream().anyMatch(r -> week.equals(r.key())));
            return task.getRecords().stream().filter(r -> week.equals(r.key())).findFirst().orElseThrow();
        } finally {
            task.stop();
        }
    }

    /** A reader who confirmed long ago, written straight to the table (idempotent per address). */
    public static void confirmedSubscriber(String email) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (Subscriber.findByEmail(email).isPresent()) {
                return;
            }
            Subscriber subscriber = new Subscriber();
            subscriber.email = email;
            subscriber.status = Subscriber.Status.CONFIRMED;
            subscriber.createdAt = Instant.now();
            subscriber.confirmedAt = Instant.now();
            subscriber.persist();
        });
    }

    public static Subscriber.Status statusOf(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.findByEmail(email).orElseThrow().status);
    }

    public static String unsubscribeTokenOf(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.findByEmail(email).orElseThrow().unsubscribeToken);
    }

    public static long subscriberId(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.findByEmail(email).orElseThrow().id);
    }
}
