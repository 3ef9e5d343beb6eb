package io.dealwire.catalog.browse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dealwire.catalog.deal.DealEntity;
import io.dealwire.catalog.support.Db;
import io.dealwire.catalog.support.Events;
import io.dealwire.testsupport.ProxiedPostgresResource;
import io.dealwire.catalog.support.Seed;
import io.dealwire.catalog.support.TestDeals;
import io.dealwire.contract.Deal;
import io.dealwire.contract.DealEvent;
import io.dealwire.contract.DealIds;
import io.dealwire.contract.Money;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The server-rendered deal browser. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
class DealBrowserTest {

    static final String EVIL_HEADLINE = "<script>alert('x')</script> Evil & Co buys <b>everything</b>";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void shouldShowAWeekGroupedByStageWithLabelledFilters() {
        Seed.ensurePublished(kafka);

        String html = given().queryParam("week", TestDeals.SEED_WEEK).get("/deals").then().statusCode(200)
                .contentType("text/html").extract().asString();

        assertThat(html).contains("<html lang=\"en\">", "<title>Deals of 2025-W37",
                "<label for=\"stage\">", "<label for=\"country\">", "name=\"viewport\"");
        assertThat(html).contains("Cross-chain and government", "Upstream", "Midstream", "Downstream");
        assertThat(html.indexOf("Cross-chain and government")).isGreaterThan(html.indexOf("Downstream"));
        assertThat(html).contains("JS Link announces a $223 million NdFeB magnet plant in Columbus, Georgia");
        assertThat(html).contains("9 deals.");
        assertThat(html).doesNotContain("<script", "<link", "http://", "https://cdn");
    }

    @Test
    void shouldOpenOnTheLatestWeekWithDealsWhenNoWeekIsGiven() {
        Seed.ensurePublished(kafka);

        String html = given().get("/deals").then().statusCode(200).extract().asString();

        assertThat(html).containsPattern("<h1>Deals of \\d{4}-W\\d{2}").doesNotContain("<p>0 deals.");
    }

    @Test
    void shouldFilterTheWeekPage() {
        Seed.ensurePublished(kafka);

        String html = given().queryParam("week", TestDeals.SEED_WEEK).queryParam("stage", "UPSTREAM")
                .get("/deals").then().statusCode(200).extract().asString();

        assertThat(html).contains("Torngat Metals and VAC sign an MOU", "1 deal.")
                .doesNotContain("JS Link announces");
        assertThat(html).contains("<option value=\"UPSTREAM\" selected>");
    }

    @Test
    void shouldEscapePartnerTextOnTheWeekAndDetailPages() {
        String partner = TestDeals.uniquePartner();
        LocalDate reportedOn = LocalDate.parse("2025-09-24"); // 2025-W39
        DealEvent event = TestDeals.submitted(partner, TestDeals.deal("evil", EVIL_HEADLINE, reportedOn));
        Events.publish(kafka, event);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Db.read(() -> DealEntity.findByIdOptional(event.dealId()).isPresent()));

        String week = given().queryParam("week", "2025-W39").get("/deals").then().statusCode(200)
                .extract().asString();
        String detail = given().get("/deals/{id}", event.dealId()).then().statusCode(200).extract().asString();

        for (String html : new String[] { week, detail }) {
            assertThat(html).doesNotContain("<script>", "<b>everything");
            assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Evil &amp; Co buys");
        }
        assertThat(detail).contains("Revisions", "deal.submitted", "Lynas Rare Earths");
    }

    @Test
    void shouldShowADealWithItsRevisions() {
        Seed.ensurePublished(kafka);

        String html = given().get("/deals/{id}",
                        DealIds.dealId(TestDeals.SEED_PARTNER, "reex-2025-09-02-jslink-columbus-magnets"))
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("USD 223,000,000", "3,000 t/y", "Neodymium (Nd)", "Columbus, Georgia",
                "<td>1</td><td>deal.submitted</td>");
    }

    @Test
    void shouldRenderAWeekPatternThatTheBrowserAccepts() {
        Seed.ensurePublished(kafka);

        String html = given().queryParam("week", TestDeals.SEED_WEEK).get("/deals").then().statusCode(200)
                .extract().asString();

        // Qute would eat unescaped braces and leave "\d4-W\d2", which rejects every week
        assertThat(html).contains("pattern=\"[0-9]{4}-W[0-9]{2}\"");
        assertThat(TestDeals.SEED_WEEK).matches("[0-9]{4}-W[0-9]{2}");
    }

    @Test
    void shouldShowReadableValuesShortTimesAndZeroJobs() {
        String partner = TestDeals.uniquePartner();
        LocalDate reportedOn = LocalDate.parse("2025-09-25"); // 2025-W39
        Deal base = TestDeals.deal("zero-jobs", "A deal that creates no jobs", reportedOn);
        Deal deal = new Deal(base.externalId(), base.headline(), base.summary(), base.dealType(), base.stage(),
                base.announcedOn(), base.reportedOn(), base.parties(), null, null, base.products(),
                new Money(new BigDecimal("500000000"), "USD"), null, 0, null, null, null);
        DealEvent event = TestDeals.submitted(partner, deal);
        Events.publish(kafka, event);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Db.read(() -> DealEntity.findByIdOptional(event.dealId()).isPresent()));

        String detail = given().get("/deals/{id}", event.dealId()).then().statusCode(200).extract().asString();
        String week = given().queryParam("week", "2025-W39").get("/deals").then().statusCode(200)
                .extract().asString();

        assertThat(detail).contains("USD 500,000,000", "<dt>Jobs</dt><dd>0</dd>",
                "<td>2025-09-12 08:00 UTC</td>", "<div class=\"scroll\">\n<table>");
        assertThat(detail).doesNotContain("500000000", "08:00:00Z");
        assertThat(week).contains("USD 500,000,000");
    }

    @Test
    void shouldAnswerBadParametersWithAnHtmlPageAndAWayBack() {
        String badWeek = given().queryParam("week", "2025-37").get("/deals").then().statusCode(400)
                .contentType("text/html").extract().asString();
        String badFilter = given().queryParam("week", TestDeals.SEED_WEEK).queryParam("stage", "SIDEWAYS")
                .get("/deals").then().statusCode(400).contentType("text/html").extract().asString();
        String badId = given().get("/deals/not-a-uuid").then().statusCode(400).contentType("text/html")
                .extract().asString();
        String unknown = given().get("/deals/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("text/html").extract().asString();

        assertThat(badWeek).contains("Invalid week", "<a href=\"/deals\">");
        assertThat(badFilter).contains("Invalid query parameters", "stage", "<a href=\"/deals\">");
        assertThat(badId).contains("Invalid deal id: must be a UUID", "<a href=\"/deals\">");
        assertThat(unknown).contains("No deal ", "<a href=\"/deals\">");
    }
}
