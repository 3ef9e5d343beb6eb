package io.dealwire.catalog.deal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.dealwire.testsupport.ProxiedPostgresResource;
import io.dealwire.catalog.support.Seed;
import io.dealwire.catalog.support.TestDeals;
import io.dealwire.contract.DealIds;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET /api/v1/deals and friends against the seed week (2025-W37, nine deals). */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
class DealSearchTest {

    static final String PAKISTAN = "reex-2025-09-08-pakistan-usa-minerals";
    static final String KAZAKHSTAN = "reex-2025-09-08-kazakhstan-ree-enterprises";
    static final String PRINCIPAL = "reex-2025-08-27-reelement-principal-mineral";
    static final String DOD = "reex-2025-09-09-reelement-dod-grant";
    static final String JS_LINK = "reex-2025-09-02-jslink-columbus-magnets";
    static final String NEO = "reex-2025-09-10-neo-narva-production";
    static final String TORNGAT = "reex-2025-08-28-torngat-vac-mou";
    static final String APPLE = "reex-2025-07-15-apple-mp-materials";
    static final String GM = "reex-2025-08-27-gm-noveon-offtake";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @BeforeEach
    void seedWeek() {
        Seed.ensurePublished(kafka);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "stage, DOWNSTREAM, " + JS_LINK + " " + NEO + " " + APPLE + " " + GM,
            "dealType, PARTNERSHIP, " + PRINCIPAL + " " + APPLE,
            "country, CA, " + NEO + " " + TORNGAT,
            "country, ee, " + NEO,
            "element, Dy, " + TORNGAT,
            "element, Nd, " + JS_LINK + " " + NEO + " " + APPLE + " " + GM,
            "q, magnet, " + JS_LINK + " " + NEO + " " + APPLE + " " + GM,
            "q, chromatography, " + PRINCIPAL + " " + DOD,
            "q, Noveon, " + GM,
            "q, separated oxides, " + PRINCIPAL + " " + DOD,
            "q, \"refinery project\", " + PAKISTAN})
    void shouldFilterTheSeedWeek(String parameter, String value, String expected) {
        given().queryParam("week", TestDeals.SEED_WEEK).queryParam(parameter, value)
                .get("/api/v1/deals").then().statusCode(200)
                .body("items.externalId", containsInAnyOrder(expected.split(" ")))
                .body("total", equalTo(expected.split(" ").length));
    }

    @Test
    void shouldFilterByPartnerAndReportedOnRange() {
        given().queryParam("partner", TestDeals.SEED_PARTNER).get("/api/v1/deals").then().statusCode(200)
                .body("total", equalTo(9));
        given().queryParam("from", "2025-09-11").queryParam("to", "2025-09-11").get("/api/v1/deals")
                .then().statusCode(200)
                .body("items.externalId", containsInAnyOrder(JS_LINK, NEO, TORNGAT));
        given().queryParam("partner", TestDeals.SEED_PARTNER).queryParam("to", "2025-09-09").get("/api/v1/deals")
                .then().statusCode(200)
                .body("items.externalId", containsInAnyOrder(PAKISTAN, KAZAKHSTAN));
    }

    @Test
    void shouldSortByReportedOnThenValueAndPageWithATotal() {
        List<String> all = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            ValidatableResponse response = given().queryParam("week", TestDeals.SEED_WEEK)
                    .queryParam("size", 4).queryParam("page", page)
                    .get("/api/v1/deals").then().statusCode(200)
                    .body("total", equalTo(9)).body("page", equalTo(page)).body("size", equalTo(4));
            all.addAll(response.extract().jsonPath().getList("items.externalId", String.class));
        }
        assertThat(all).hasSize(9).doesNotHaveDuplicates();
        // 09-12: Apple ($500M) before GM (no value); 09-11: JS Link ($223M) first; 09-10: DoD grant ($2M) first
        assertThat(all.subList(0, 2)).containsExactly(APPLE, GM);
        assertThat(all.get(2)).isEqualTo(JS_LINK);
        assertThat(all.subList(3, 5)).containsExactlyInAnyOrder(NEO, TORNGAT);
        assertThat(all.subList(5, 9)).containsExactly(DOD, PRINCIPAL, KAZAKHSTAN, PAKISTAN);
        given().queryParam("week", TestDeals.SEED_WEEK).queryParam("page", 5).get("/api/v1/deals")
                .then().statusCode(200).body("items.size()", equalTo(0)).body("total", equalTo(9));
    }

    @Test
    void shouldAnswerADealAsThePartnerSentItPlusCatalogFields() {
        UUID dealId = DealIds.dealId(TestDeals.SEED_PARTNER, JS_LINK);
        given().get("/api/v1/deals/{id}", dealId).then().statusCode(200)
                .body("dealId", equalTo(dealId.toString()))
                .body("partnerId", equalTo(TestDeals.SEED_PARTNER))
                .body("status", equalTo("ACTIVE"))
                .body("revision", equalTo(1))
                .body("week", equalTo(TestDeals.SEED_WEEK))
                .body("firstReceivedAt", startsWith("20"))
                .body("updatedAt", startsWith("20"))
                .body("externalId", equalTo(JS_LINK))
                .body("capacity.unit", equalTo("t/y"))
                .body("elements", equalTo(List.of("Nd", "Pr")))
                .body("location.place", equalTo("Columbus, Georgia"))
                .body("expectedStart", equalTo("2027"));
        given().get("/api/v1/deals/{id}/revisions", dealId).then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].type", equalTo("deal.submitted"))
                .body("[0].deal.externalId", equalTo(JS_LINK));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "week, 2025-W99", "week, 2025-37", "size, 201", "size, 0", "page, -1", "page, one",
            "stage, MIDDLE", "dealType, offtake", "from, 2025-13-01", "to, 2025-02-30", "element, Xx",
            "country, USA", "includeWithdrawn, yes", "partner, a.b"})
    void shouldRejectABadParameterWithAProblem(String parameter, String value) {
        given().queryParam(parameter, value).get("/api/v1/deals").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(parameter));
    }

    @Test
    void shouldAnswer400ForAMalformedDealIdAnd404ForAnUnknownOne() {
        given().get("/api/v1/deals/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("dealId"));
        given().get("/api/v1/deals/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().get("/api/v1/deals/{id}/revisions", UUID.randomUUID()).then().statusCode(404);
    }
}
