package io.dealwire.digest.issue;

import static io.dealwire.digest.support.DigestFlows.ADMIN_KEY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.dealwire.contract.Deal;
import io.dealwire.contract.DealEvent;
import io.dealwire.contract.DealJson;
import io.dealwire.digest.send.Delivery;
import io.dealwire.digest.support.DigestFlows;
import io.dealwire.digest.support.Mails;
import io.dealwire.testsupport.ProxiedPostgresResource;
import io.dealwire.digest.support.SeedDeals;
import io.dealwire.testsupport.GreenMailResource;
import io.dealwire.testsupport.InjectGreenMail;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The seed article's week, end to end: events on Kafka -> one mail in GreenMail, the archive and the summary. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
@WithTestResource(GreenMailResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedWeekDigestTest {

    private static final String DEFAULT_READER = "seed-reader@example.org";
    private static final String SCRIPT_HEADLINE = "GM signs a magnet offtake with Noveon Magnetics <script>alert('x')</script>";

    @InjectGreenMail
    GreenMail greenMail;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    @Order(1)
    void shouldMailTheSeedWeekWithEveryDealInTheSeedsSectionOrder() throws Exception {
        DigestFlows.subscribeAndConfirm(greenMail, DEFAULT_READER, Map.of("name", "Seed Reader"));
        List<DealEvent> events = new ArrayList<>();
        for (Deal deal : seedWithScriptHeadline()) {
            events.add(DigestFlows.submit(kafka, deal));
        }
        DigestFlows.awaitApplied(events.toArray(DealEvent[]::new));

        assertThat(DigestFlows.sendIssue(SeedDeals.SEED_WEEK).statusCode()).isEqualTo(202);
        DigestFlows.awaitIssueSent(SeedDeals.SEED_WEEK);

        List<MimeMessage> digests = Mails.digests(greenMail, DEFAULT_READER, SeedDeals.SEED_WEEK);
        assertThat(digests).hasSize(1);
        MimeMessage mail = digests.get(0);
        assertThat(mail.getSubject())
                .isEqualTo("Rare Earth Deal Update — week of 8–12 Sep 2025: 9 deals, $1.2B disclosed");
        assertThat(Mails.messageId(mail))
                .isEqualTo(Delivery.messageId(SeedDeals.SEED_WEEK, DigestFlows.subscriberId(DEFAULT_READER)));
        assertThat(Mails.header(mail, "List-Unsubscribe")).get().asString()
                .matches("<http://localhost:8083/unsubscribe/[A-Za-z0-9_-]{43}>");
        assertThat(Mails.header(mail, "List-Unsubscribe-Post")).contains("List-Unsubscribe=One-Click");

        String html = Mails.part(mail, "text/html").orElseThrow();
        String text = Mails.part(mail, "text/plain").orElseThrow();
        // kept for people to look at: target/seed-digest.html and .txt
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/seed-digest.html"), html);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/seed-digest.txt"), text);
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(text).contains(SCRIPT_HEADLINE);
        assertThat(html).containsSubsequence("Highlights", "Cross-border &amp; government", "Upstream", "Midstream",
                "Downstream", "By the numbers");
        assertThat(text).containsSubsequence("HIGHLIGHTS", "Cross-border & government", "Upstream", "Midstream",
                "Downstream", "BY THE NUMBERS");
        for (String part : List.of(html, text)) {
            assertThat(part).contains("$1.2B", "$500M", "$223M", "$2M", "3,000 t/y", "Kazakhstan", "South Korea",
                    "Estonia", "http://localhost:8083/digests/2025-W37", "http://localhost:8083/unsubscribe/");
        }
        // the nine deals, each in its section, in the seed's order
        assertThat(text).containsSubsequence(
                "Cross-border & government", "Pakistan signs", "Kazakhstan orders",
                "Upstream", "Torngat Metals and VAC",
                "Midstream", "ReElement Technologies and Principal Mineral", "ReElement Technologies wins",
                "Downstream", "JS Link announces", "Neo Performance Materials' Narva", "Apple commits",
                "GM signs a magnet offtake");
        assertThat(text).contains("New to the digest: Canada, Estonia, Germany, Kazakhstan, Pakistan, South Korea,"
                + " United States.", "By stage: 2 cross-chain · 1 upstream · 2 midstream · 4 downstream.",
                "Jobs announced: 500");
    }

    @Test
    @Order(2)
    void shouldShowTheSentIssueInTheArchiveAndFeedAndPublishItsSummary() {
        // reads what the first test of this class sent (same app, same week)
        DigestFlows.awaitIssueSent(SeedDeals.SEED_WEEK);
        given().get("/digests").then().statusCode(200).body(containsString("/digests/2025-W37"));
        given().get("/digests/2025-W37").then().statusCode(200)
                .body(containsString("Pakistan signs $500 million"))
                .body(containsString("&lt;script&gt;"))
                .body(containsString("Subscribe to get it every week"));
        given().get("/digests/feed.atom").then().statusCode(200)
                .contentType(containsString("application/atom+xml"))
                .body(containsString("<id>http://localhost:8083/digests/2025-W37</id>"))
                .body(containsString("9 deals, $1.2B disclosed"));
        given().get("/digests/2025-W01").then().statusCode(404);

        ConsumerRecord<String, String> summary = DigestFlows.awaitSummary(kafka, SeedDeals.SEED_WEEK);
        JsonNode json = DealJson.readTree(summary.value());
        assertThat(json.get("week").asText()).isEqualTo("2025-W37");
        assertThat(json.get("dealCount").asInt()).isEqualTo(9);
        assertThat(json.get("disclosedValue").get("USD").decimalValue()).isEqualByComparingTo("1225000000");
        assertThat(json.get("recipients").asInt()).isPositive();
        assertThat(json.get("subject").asText()).endsWith("9 deals, $1.2B disclosed");
        assertThat(json.get("sentAt").asText()).isNotBlank();
    }

    @Test
    void shouldPreviewOnlyWithTheAdminKey() {
        given().get("/api/v1/digests/2025-W37/preview").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer");
        given().header("Authorization", "Bearer not-the-key").get("/api/v1/digests/2025-W37/preview")
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + ADMIN_KEY).get("/api/v1/digests/2025-W99/preview")
                .then().statusCode(400);
    }

    private static List<Deal> seedWithScriptHeadline() {
        List<Deal> deals = new ArrayList<>(SeedDeals.seedWeek());
        Deal gm = deals.remove(deals.size() - 1);
        deals.add(new Deal(gm.externalId(), SCRIPT_HEADLINE, gm.summary(), gm.dealType(), gm.stage(),
                gm.announcedOn(), gm.reportedOn(), gm.parties(), gm.location(), gm.elements(), gm.products(),
                gm.value(), gm.capacity(), gm.jobs(), gm.expectedStart(), gm.sources(), gm.tags()));
        return deals;
    }
}
