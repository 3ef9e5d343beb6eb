package io.dealwire.catalog.week;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.dealwire.catalog.deal.DealEntity;
import io.dealwire.catalog.support.Db;
import io.dealwire.catalog.support.Events;
import io.dealwire.testsupport.ProxiedPostgresResource;
import io.dealwire.catalog.support.Seed;
import io.dealwire.catalog.support.TestDeals;
import io.dealwire.contract.Deal;
import io.dealwire.contract.DealEvent;
import io.dealwire.contract.DealType;
import io.dealwire.contract.Money;
import io.dealwire.contract.Party;
import io.dealwire.contract.PartyRole;
import io.dealwire.contract.Stage;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/v1/weeks/{week}/summary against the seed week, and a later week with a new country. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
class WeekSummaryTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @BeforeEach
    void seedWeek() {
        Seed.ensurePublished(kafka);
    }

    @Test
    void shouldSumTheSeedWeekByStageDealTypeAndCountry() {
        given().get("/api/v1/weeks/{week}/summary", TestDeals.SEED_WEEK).then().statusCode(200)
                .body("week", equalTo(TestDeals.SEED_WEEK))
                .body("count", equalTo(9))
                .body("disclosedValue.USD", equalTo(1225000000))
                .body("byStage.CROSS_CHAIN.count", equalTo(2))
                .body("byStage.CROSS_CHAIN.disclosedValue.USD", equalTo(500000000))
                .body("byStage.MIDSTREAM.count", equalTo(2))
                .body("byStage.MIDSTREAM.disclosedValue.USD", equalTo(2000000))
                .body("byStage.DOWNSTREAM.count", equalTo(4))
                .body("byStage.DOWNSTREAM.disclosedValue.USD", equalTo(723000000))
                .body("byStage.UPSTREAM.count", equalTo(1))
                .body("byStage.UPSTREAM.disclosedValue", anEmptyMap())
                .body("byDealType.PARTNERSHIP.count", equalTo(2))
                .body("byDealType.PARTNERSHIP.disclosedValue.USD", equalTo(500000000))
                .body("byDealType.GRANT.disclosedValue.USD", equalTo(2000000))
                .body("byCountry.US.count", equalTo(6))
                .body("byCountry.US.disclosedValue.USD", equalTo(1225000000))
                .body("byCountry.CA.count", equalTo(2))
                .body("byCountry.KR.disclosedValue.USD", equalTo(223000000))
                .body("largest.externalId", equalTo(List.of(
                        largestFirstOfTwo(), largestSecondOfTwo(),
                        "reex-2025-09-02-jslink-columbus-magnets", "reex-2025-09-09-reelement-dod-grant")))
                .body("newCountries", equalTo(List.of("CA", "DE", "EE", "KR", "KZ", "PK", "US")));
    }

    @Test
    void shouldListOnlyCountriesNoEarlierWeekHad() {
        String partner = TestDeals.uniquePartner();
        LocalDate reportedOn = LocalDate.parse("2025-10-15"); // 2025-W42
        Deal malaysian = new Deal("my-lynas-kuantan", "Lynas expands its Kuantan plant", null, DealType.FACILITY,
                Stage.MIDSTREAM, reportedOn, reportedOn,
                List.of(new Party("Lynas Malaysia", PartyRole.OPERATOR, "MY"),
                        new Party("U.S. Department of Defense", PartyRole.GRANTOR, "US")),
                null, null, null, new Money(new BigDecimal("250000.750"), "MYR"), null, null, null, null, null);
        DealEvent event = TestDeals.submitted(partner, malaysian);
        Events.publish(kafka, event);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Db.read(() -> DealEntity.findByIdOptional(event.dealId()).isPresent()));

        given().get("/api/v1/weeks/2025-W42/summary").then().statusCode(200)
                .body("newCountries", equalTo(List.of("MY")))
                .body("disclosedValue.MYR", equalTo(250000.75f))
                .body("byCountry.keySet()", containsInAnyOrder("MY", "US"));
    }

    @Test
    void shouldRankTheLargestDealsPerCurrencyNeverAcrossCurrencies() {
        String partner = TestDeals.uniquePartner();
        LocalDate reportedOn = LocalDate.parse("2025-10-29"); // 2025-W44
        List<DealEvent> events = List.of(
                TestDeals.submitted(partner, valued("jpy-huge", reportedOn, "100000000000", "JPY")),
                TestDeals.submitted(partner, valued("usd-small", reportedOn, "1000000", "USD")),
                TestDeals.submitted(partner, valued("usd-large", reportedOn, "500000000", "USD")));
        Events.publish(kafka, events);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Db.read(() -> DealEntity.count("partnerId", partner)) == 3);

        // USD is used by more deals, so it comes first; ¥100B does not outrank $500M by its number
        given().get("/api/v1/weeks/2025-W44/summary").then().statusCode(200)
                .body("largest.externalId", equalTo(List.of("usd-large", "usd-small", "jpy-huge")))
                .body("disclosedValue.JPY", equalTo(100000000000L))
                .body("disclosedValue.USD", equalTo(501000000));
    }

    @Test
    void shouldAnswerZerosForAnEmptyWeekAnd400ForAMalformedOne() {
        given().get("/api/v1/weeks/2019-W01/summary").then().statusCode(200)
                .body("count", equalTo(0))
                .body("disclosedValue", anEmptyMap())
                .body("largest.size()", equalTo(0));
        given().get("/api/v1/weeks/2025-W54/summary").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("week"));
        given().get("/api/v1/weeks/last/summary").then().statusCode(400);
    }

    private static Deal valued(String externalId, LocalDate reportedOn, String amount, String currency) {
        Deal base = TestDeals.deal(externalId, TestDeals.DEFAULT_HEADLINE, reportedOn);
        return new Deal(base.externalId(), base.headline(), base.summary(), base.dealType(), base.stage(),
                base.announcedOn(), base.reportedOn(), base.parties(), null, null, base.products(),
                new Money(new BigDecimal(amount), currency), null, null, null, null, null);
    }

    /** Pakistan and Apple are both $500M: the tie is broken by dealId. */
    private static String largestFirstOfTwo() {
        return tie().get(0);
    }

    private static String largestSecondOfTwo() {
        return tie().get(1);
    }

    private static List<String> tie() {
        String pakistan = "reex-2025-09-08-pakistan-usa-minerals";
        String apple = "reex-2025-07-15-apple-mp-materials";
        return io.dealwire.contract.DealIds.dealId(TestDeals.SEED_PARTNER, pakistan)
                .compareTo(io.dealwire.contract.DealIds.dealId(TestDeals.SEED_PARTNER, apple)) < 0
                ? List.of(pakistan, apple) : List.of(apple, pakistan);
    }
}
