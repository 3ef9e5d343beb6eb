package io.dealwire.digest.edition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.dealwire.contract.DealEvent;
import io.dealwire.contract.IsoWeek;
import io.dealwire.contract.Stage;
import io.dealwire.digest.issue.FreezeResult;
import io.dealwire.digest.send.DigestSchedule;
import io.dealwire.digest.support.DigestFlows;
import io.dealwire.digest.support.Mails;
import io.dealwire.digest.support.SeedDeals;
import io.dealwire.testsupport.GreenMailResource;
import io.dealwire.testsupport.InjectGreenMail;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.dealwire.testsupport.ProxiedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The editorial edition API of PRODUCT.md against the running app; weeks 2026-W32 to W39.
 * Deals of weeks that are not sent are withdrawn at the end, so no later issue takes them. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
@WithTestResource(GreenMailResource.class)
class EditionApiTest {

    private static final String DEFAULT_READER = "edition-reader@example.org";
    private static final String EDITION = "/api/v1/digests/{week}/edition";

    @InjectGreenMail
    GreenMail greenMail;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    DigestSchedule schedule;

    @Test
    void shouldAnswerTheComputedLeadAndNoEditorFieldsForAnUneditedWeek() {
        DigestFlows.awaitApplied(submit("ed-w32-a", "W32 upstream deal", Stage.UPSTREAM, "2026-08-04"),
                submit("ed-w32-b", "W32 midstream deal", Stage.MIDSTREAM, "2026-08-05"));

        ExtractableResponse<Response> edition = editor().get(EDITION, "2026-W32").then().statusCode(200).extract();

        assertThat(edition.header("ETag")).isEqualTo("\"0\"");
        assertThat(edition.jsonPath().getString("week")).isEqualTo("2026-W32");
        assertThat(edition.jsonPath().getString("status")).isEqualTo("DRAFT");
        assertThat(edition.jsonPath().getInt("version")).isZero();
        assertThat(edition.jsonPath().getString("computed.intro")).isNotBlank();
        assertThat(edition.jsonPath().getMap("computed.sections")).containsOnlyKeys("UPSTREAM", "MIDSTREAM");
        assertThat(edition.jsonPath().getMap("editor")).containsOnlyKeys("title", "intro", "outlook", "sections",
                "featured", "excluded").allSatisfy((key, value) -> assertThat(value).isNull());
        assertThat(edition.jsonPath().getString("updatedBy")).isNull();
        withdraw("ed-w32-a", "ed-w32-b");
    }

    @Test
    void shouldSaveOnlyWithTheCurrentVersionSoOneOfTwoEditorsGets412() {
        DigestFlows.awaitApplied(submit("ed-w33-a", "W33 deal", Stage.UPSTREAM, "2026-08-11"));
        String etag = editor().get(EDITION, "2026-W33").then().statusCode(200).extract().header("ETag");

        editor().contentType(ContentType.JSON).body(fields("intro", "No If-Match"))
                .put(EDITION, "2026-W33").then().statusCode(428).contentType("application/problem+json");
        ExtractableResponse<Response> first = editor().header("If-Match", etag).contentType(ContentType.JSON)
                .body(fields("intro", "The desk's intro")).put(EDITION, "2026-W33").then().statusCode(200).extract();
        ExtractableResponse<Response> second = admin().header("If-Match", etag).contentType(ContentType.JSON)
                .body(fields("intro", "The admin's intro")).put(EDITION, "2026-W33").then().extract();

        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(first.jsonPath().getString("editor.intro")).isEqualTo("The desk's intro");
        assertThat(first.jsonPath().getString("updatedBy")).isEqualTo("desk");
        assertThat(second.statusCode()).isEqualTo(412);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(editor().get(EDITION, "2026-W33").then().extract().jsonPath().getString("editor.intro"))
                .isEqualTo("The desk's intro");
        withdraw("ed-w33-a");
    }

    @Test
    void shouldRefuseBadFieldsNamingEachAndSaveNothing() {
        DigestFlows.awaitApplied(submit("ed-w34-a", "W34 deal", Stage.UPSTREAM, "2026-08-18"));
        String etag = editor().get(EDITION, "2026-W34").then().statusCode(200).extract().header("ETag");
        Map<String, Object> bad = new HashMap<>();
        bad.put("intro", "See [this](http://insecure.example)");
        bad.put("sections", Map.of("SIDEWAYS", "no such section"));
        bad.put("featured", List.of("7b0c5e0e-0000-5000-8000-000000000000"));

        ExtractableResponse<Response> refused = editor().header("If-Match", etag).contentType(ContentType.JSON)
                .body(bad).put(EDITION, "2026-W34").then().statusCode(400).extract();
        ExtractableResponse<Response> tooLong = editor().header("If-Match", etag).contentType(ContentType.JSON)
                .body(fields("title", "t".repeat(121))).put(EDITION, "2026-W34").then().statusCode(400).extract();

        ExtractableResponse<Response> headerInjection = editor().header("If-Match", etag).contentType(ContentType.JSON)
                .body(fields("title", "Hello\r\nBcc: everyone@example.org")).put(EDITION, "2026-W34")
                .then().statusCode(400).extract();

        assertThat(refused.jsonPath().getList("errors.field")).containsExactlyInAnyOrder("intro", "sections.SIDEWAYS",
                "featured[0]");
        assertThat(headerInjection.jsonPath().getList("errors.field")).containsExactly("title");
        assertThat(tooLong.jsonPath().getList("errors.field").toString()).contains("title");
        assertThat(editor().get(EDITION, "2026-W34").then().extract().jsonPath().getInt("version")).isZero();
        withdraw("ed-w34-a");
    }

    @Test
    void shouldSendTheApprovedEditionWithItsTextFeaturedDealAndWithoutTheExcludedOne() throws Exception {
        DigestFlows.confirmedSubscriber(DEFAULT_READER);
        DealEvent kept = submit("ed-w35-kept", "W35 kept deal", Stage.UPSTREAM, "2026-08-25");
        DealEvent featured = submit("ed-w35-featured", "W35 featured deal", Stage.DOWNSTREAM, "2026-08-26");
        DealEvent excluded = submit("ed-w35-excluded", "W35 excluded deal", Stage.DOWNSTREAM, "2026-08-27");
        DigestFlows.awaitApplied(kept, featured, excluded);
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", "Magnets come home");
        fields.put("intro", "A **bold** week, see [the source](https://example.org/w35). <script>alert(1)</script>");
        fields.put("outlook", "More to come.");
        fields.put("sections", Map.of("UPSTREAM", "The editor's *upstream* note."));
        fields.put("featured", List.of(featured.dealId().toString()));
        fields.put("excluded", List.of(excluded.dealId().toString()));
        String etag = editor().get(EDITION, "2026-W35").then().statusCode(200).extract().header("ETag");
        String saved = editor().header("If-Match", etag).contentType(ContentType.JSON).body(fields)
                .put(EDITION, "2026-W35").then().statusCode(200).extract().header("ETag");
        ExtractableResponse<Response> approved = editor().header("If-Match", saved)
                .post(EDITION + "/approve", "2026-W35").then().statusCode(200).extract();
        assertThat(approved.jsonPath().getString("status")).isEqualTo("APPROVED");

        assertThat(DigestFlows.sendIssue("2026-W35").statusCode()).isEqualTo(202);
        DigestFlows.awaitIssueSent("2026-W35");

        MimeMessage mail = Mails.digests(greenMail, DEFAULT_READER, "2026-W35").get(0);
        String html = Mails.part(mail, "text/html").orElseThrow();
        String text = Mails.part(mail, "text/plain").orElseThrow();
        assertThat(Mails.subject(mail)).startsWith("Magnets come home — week of 24–28 Aug 2026: 2 deals");
        assertThat(html).contains("<strong>bold</strong>", "href=\"https://example.org/w35\"",
                "&lt;script&gt;alert(1)&lt;/script&gt;", "Featured", "W35 featured deal", "W35 kept deal",
                "<em>upstream</em>", "Outlook", "More to come.")
                .doesNotContain("<script>", "W35 excluded deal");
        assertThat(html.indexOf("Featured")).isLessThan(html.indexOf("W35 kept deal"));
        assertThat(text).contains("A bold week", "<script>alert(1)</script>", "More to come.")
                .doesNotContain("W35 excluded deal");
        ExtractableResponse<Response> sent = editor().get(EDITION, "2026-W35").then().statusCode(200).extract();
        assertThat(sent.jsonPath().getString("status")).isEqualTo("SENT");
        editor().header("If-Match", sent.header("ETag")).contentType(ContentType.JSON).body(fields("intro", "late"))
                .put(EDITION, "2026-W35").then().statusCode(409);
        assertThat(given().get("/digests/{week}", "2026-W35").then().statusCode(200).extract().asString())
                .contains("Magnets come home", "<strong>bold</strong>").doesNotContain("W35 excluded deal");
        assertThat(given().get("/digests/feed.atom").then().statusCode(200).extract().asString())
                .as("the feed carries the whole issue, escaped as Atom's type=html content")
                .contains("<title>Magnets come home — week of", "&lt;strong&gt;bold&lt;/strong&gt;", "W35 featured deal")
                .doesNotContain("W35 excluded deal");
        assertThat(editor().get(EDITION + "/revisions", "2026-W35").then().statusCode(200).extract()
                .jsonPath().getList("status")).containsExactly("DRAFT", "APPROVED", "SENT");
    }

    @Test
    void shouldKeepAnExcludedDealOutOfLaterIssuesAndTurnAnEditedApprovalBackToDraft() {
        DealEvent excluded = submit("ed-w36-excluded", "W36 excluded deal", Stage.RECYCLING, "2026-09-01");
        DealEvent later = submit("ed-w37-later", "W37 later deal", Stage.RECYCLING, "2026-09-08");
        DigestFlows.awaitApplied(excluded, later);
        String etag = editor().get(EDITION, "2026-W36").then().statusCode(200).extract().header("ETag");
        Map<String, Object> fields = new HashMap<>();
        fields.put("excluded", List.of(excluded.dealId().toString()));
        String saved = editor().header("If-Match", etag).contentType(ContentType.JSON).body(fields)
                .put(EDITION, "2026-W36").then().statusCode(200).extract().header("ETag");
        String approved = editor().header("If-Match", saved).post(EDITION + "/approve", "2026-W36")
                .then().statusCode(200).extract().header("ETag");

        ExtractableResponse<Response> edited = editor().header("If-Match", approved).contentType(ContentType.JSON)
                .body(fields).put(EDITION, "2026-W36").then().statusCode(200).extract();

        assertThat(edited.jsonPath().getString("status")).isEqualTo("DRAFT");
        String preview = admin().get("/api/v1/digests/{week}/preview", "2026-W37").then().statusCode(200)
                .extract().asString();
        assertThat(preview).contains("W37 later deal").doesNotContain("W36 excluded deal");
        withdraw("ed-w37-later");
    }

    private void withdraw(String... externalIds) {
        for (String externalId : externalIds) {
            DigestFlows.awaitApplied(DigestFlows.withdraw(kafka, externalId));
        }
    }

    @Test
    void shouldSendTheApprovedEditionFromTheWeeklyJobAsItWouldAfterARestart() {
        DigestFlows.confirmedSubscriber(DEFAULT_READER);
        DigestFlows.awaitApplied(submit("ed-w38-a", "W38 deal", Stage.UPSTREAM, "2026-09-15"));
        String etag = editor().get(EDITION, "2026-W38").then().statusCode(200).extract().header("ETag");
        String saved = editor().header("If-Match", etag).contentType(ContentType.JSON)
                .body(fields("title", "Approved before the crash")).put(EDITION, "2026-W38")
                .then().statusCode(200).extract().header("ETag");
        editor().header("If-Match", saved).post(EDITION + "/approve", "2026-W38").then().statusCode(200);

        // only the database carries the approval from here: what a restarted service's weekly job reads
        assertThat(schedule.sendScheduled(IsoWeek.parse("2026-W38")).outcome()).isEqualTo(FreezeResult.Outcome.CREATED);
        DigestFlows.awaitIssueSent("2026-W38");

        assertThat(Mails.subject(Mails.digests(greenMail, DEFAULT_READER, "2026-W38").get(0)))
                .startsWith("Approved before the crash — week of");
    }

    @Test
    void shouldSendTheAutomaticEditionFromTheWeeklyJobWhenTheDraftIsNotApproved() {
        DigestFlows.confirmedSubscriber(DEFAULT_READER);
        DigestFlows.awaitApplied(submit("ed-w39-a", "W39 deal", Stage.UPSTREAM, "2026-09-22"));
        String etag = editor().get(EDITION, "2026-W39").then().statusCode(200).extract().header("ETag");
        editor().header("If-Match", etag).contentType(ContentType.JSON).body(fields("title", "Unapproved draft title"))
                .put(EDITION, "2026-W39").then().statusCode(200);

        assertThat(schedule.sendScheduled(IsoWeek.parse("2026-W39")).outcome()).isEqualTo(FreezeResult.Outcome.CREATED);
        DigestFlows.awaitIssueSent("2026-W39");

        MimeMessage mail = Mails.digests(greenMail, DEFAULT_READER, "2026-W39").get(0);
        assertThat(Mails.subject(mail)).startsWith("Rare Earth Deal Update — week of");
        assertThat(Mails.part(mail, "text/html").orElseThrow()).doesNotContain("Unapproved draft title");
    }

    private DealEvent submit(String externalId, String headline, Stage stage, String reportedOn) {
        return DigestFlows.submit(kafka, SeedDeals.deal(externalId, headline, stage, LocalDate.parse(reportedOn)));
    }

    private static Map<String, Object> fields(String name, String value) {
        Map<String, Object> fields = new HashMap<>();
        fields.put(name, value);
        return fields;
    }

    private static RequestSpecification editor() {
        return given().header("Authorization", "Bearer " + DigestFlows.EDITOR_KEY);
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + DigestFlows.ADMIN_KEY);
    }
}
