package io.dealwire.digest.edition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealwire.contract.DealEvent;
import io.dealwire.contract.Stage;
import io.dealwire.digest.access.DigestAuthMechanism;
import io.dealwire.digest.support.DigestFlows;
import io.dealwire.digest.support.SeedDeals;
import io.dealwire.testsupport.GreenMailResource;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.dealwire.testsupport.ProxiedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The editor desk's week pages against the running app, signed in with the editor key {@code desk}:
 * list, edit, preview, approve, CSRF, conflicts, a sent week. Weeks 2026-W40 to W43; every deal is
 * withdrawn at the end or sent with W43, so no later issue takes it.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
@WithTestResource(GreenMailResource.class)
class DeskEditionTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
    private static final String EDITION = "/api/v1/digests/{week}/edition";
    private static final String WEEK = "/desk/weeks/{week}";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void shouldListTheWeekAndSaveTheFormSoTheApiAndThePreviewShowIt() {
        DealEvent kept = submit("desk-w40-kept", "W40 kept deal", Stage.UPSTREAM, "2026-09-29");
        DealEvent featured = submit("desk-w40-featured", "W40 featured deal", Stage.DOWNSTREAM, "2026-09-30");
        DealEvent excluded = submit("desk-w40-excluded", "W40 excluded deal", Stage.DOWNSTREAM, "2026-10-01");
        DigestFlows.awaitApplied(kept, featured, excluded);
        try {
            String session = signIn();
            assertThat(desk(session).get("/desk").then().statusCode(200).extract().asString())
                    .contains("href=\"/desk/weeks/2026-W40\"", "28 Sep 2026 – 4 Oct 2026");
            String page = desk(session).get(WEEK, "2026-W40").then().statusCode(200).extract().asString();
            assertThat(page).contains("W40 kept deal", "W40 featured deal", "name=\"note.UPSTREAM\"",
                    "name=\"note.DOWNSTREAM\"", "**bold**", "sandbox=\"\"", "width=\"600\"",
                    "src=\"/desk/weeks/2026-W40/preview.html\"");
            assertThat(version(page)).isEqualTo("0");

            Map<String, String> form = new HashMap<>();
            form.put("csrf", csrf(page));
            form.put("version", "0");
            form.put("title", "Magnets at home");
            form.put("intro", "A **bold** week, see [the source](https://example.org/w40). <script>alert(1)</script>");
            form.put("outlook", "More next week.");
            form.put("note.UPSTREAM", "The *upstream* note.");
            form.put("note.DOWNSTREAM", "");
            form.put("deal." + kept.dealId(), "normal");
            form.put("deal." + featured.dealId(), "featured");
            form.put("deal." + excluded.dealId(), "excluded");
            Response saved = post(session, WEEK, "2026-W40", form);

            saved.then().statusCode(303);
            assertThat(saved.header("Location")).endsWith("/desk/weeks/2026-W40?saved=1");
            JsonPath edition = api().get(EDITION, "2026-W40").then().statusCode(200).extract().jsonPath();
            assertThat(edition.getString("editor.title")).isEqualTo("Magnets at home");
            assertThat(edition.getString("editor.intro")).isEqualTo(form.get("intro"));
            assertThat(edition.getString("editor.outlook")).isEqualTo("More next week.");
            assertThat(edition.getMap("editor.sections")).containsOnly(Map.entry("UPSTREAM", "The *upstream* note."));
            assertThat(edition.getList("editor.featured")).containsExactly(featured.dealId().toString());
            assertThat(edition.getList("editor.excluded")).containsExactly(excluded.dealId().toString());
            assertThat(edition.getString("updatedBy")).isEqualTo("desk");
            String after = desk(session).get(WEEK + "?saved=1", "2026-W40").then().statusCode(200).extract().asString();
            assertThat(after).contains("Saved (version 1)", "W40 excluded deal", "Magnets at home");
            assertThat(desk(session).get(WEEK + "?width=390", "2026-W40").then().extract().asString())
                    .contains("width=\"390\"");

            Response preview = desk(session).get(WEEK + "/preview.html", "2026-W40");
            preview.then().statusCode(200).contentType(ContentType.HTML);
            assertThat(preview.header("Content-Security-Policy")).contains("sandbox");
            assertThat(preview.asString()).contains("<strong>bold</strong>", "&lt;script&gt;", "W40 featured deal",
                    "Magnets at home", "More next week.").doesNotContain("W40 excluded deal", "<script>");
        } finally {
            withdraw("desk-w40-kept", "desk-w40-featured", "desk-w40-excluded");
        }
    }

    @Test
    void shouldRefuseAPostWithoutOrWithAWrongCsrfTokenAndShowFieldErrorsKeepingTheInput() {
        DigestFlows.awaitApplied(submit("desk-w41-a", "W41 deal", Stage.MIDSTREAM, "2026-10-06"));
        try {
            String session = signIn();
            String page = desk(session).get(WEEK, "2026-W41").then().statusCode(200).extract().asString();
            Map<String, String> form = new HashMap<>(Map.of("version", "0", "intro", "Forged"));

            post(session, WEEK, "2026-W41", form).then().statusCode(403).contentType("application/problem+json");
            form.put("csrf", "wrong-" + csrf(page));
            post(session, WEEK, "2026-W41", form).then().statusCode(403);
            post(session, WEEK + "/approve", "2026-W41", form).then().statusCode(403);
            assertThat(api().get(EDITION, "2026-W41").then().extract().jsonPath().getInt("version")).isZero();

            form.put("csrf", csrf(page));
            form.put("title", "t".repeat(121));
            form.put("intro", "See [this](http://insecure.example) again");
            String tooLong = post(session, WEEK, "2026-W41", form).then().statusCode(400).extract().asString();
            assertThat(tooLong).contains("at most 120 characters (this has 121)", "t".repeat(121),
                    "See [this](http://insecure.example) again", "Nothing was saved");
            form.put("title", "Fine title");
            String refused = post(session, WEEK, "2026-W41", form).then().statusCode(400).extract().asString();
            int intro = refused.indexOf("http://insecure.example) again</textarea>");
            assertThat(intro).isPositive();
            assertThat(refused.indexOf("class=\"error\"", intro)).as("the message next to the intro")
                    .isBetween(intro, refused.indexOf("id=\"outlook\""));
            assertThat(api().get(EDITION, "2026-W41").then().extract().jsonPath().getInt("version")).isZero();
        } finally {
            withdraw("desk-w41-a");
        }
    }

    @Test
    void shouldShowAConflictKeepingTheTextThenApproveAndReturnToDraftOnTheNextSave() {
        DigestFlows.awaitApplied(submit("desk-w42-a", "W42 deal", Stage.RECYCLING, "2026-10-13"));
        try {
            String session = signIn();
            String page = desk(session).get(WEEK, "2026-W42").then().statusCode(200).extract().asString();
            api().header("If-Match", "\"0\"").contentType(ContentType.JSON).body(Map.of("intro", "The other's intro"))
                    .put(EDITION, "2026-W42").then().statusCode(200);

            Map<String, String> form = new HashMap<>(Map.of("csrf", csrf(page), "version", "0", "intro", "My intro"));
            String conflict = post(session, WEEK, "2026-W42", form).then().statusCode(409).extract().asString();

            assertThat(conflict).contains("Someone saved this edition in between (now version 1, by desk)",
                    ">My intro</textarea>");
            assertThat(version(conflict)).as("saving again replaces, knowingly").isEqualTo("1");
            assertThat(api().get(EDITION, "2026-W42").then().extract().jsonPath().getString("editor.intro"))
                    .isEqualTo("The other's intro");

            Response approved = post(session, WEEK + "/approve", "2026-W42", Map.of("csrf", csrf(page), "version", "1"));
            approved.then().statusCode(303);
            assertThat(approved.header("Location")).endsWith("?approved=2");
            String approvedPage = desk(session).get(WEEK + "?approved=2", "2026-W42").then().extract().asString();
            assertThat(approvedPage).contains("status-APPROVED", "Approved (version 2)").doesNotContain("Approve version");
            assertThat(api().get(EDITION, "2026-W42").then().extract().jsonPath().getString("status"))
                    .isEqualTo("APPROVED");

            form.put("version", "2");
            Response edited = post(session, WEEK, "2026-W42", form);
            edited.then().statusCode(303);
            assertThat(edited.header("Location")).endsWith("?saved=3&reopened=true");
            assertThat(desk(session).get(WEEK + "?saved=3&reopened=true", "2026-W42").then().extract().asString())
                    .contains("status-DRAFT", "a draft again", "Approve version 3");
            post(session, WEEK + "/approve", "2026-W42", Map.of("csrf", csrf(page), "version", "2"))
                    .then().statusCode(409);
        } finally {
            withdraw("desk-w42-a");
        }
    }

    @Test
    void shouldShowASentWeekReadOnlyAndRefuseASaveWith409() {
        DigestFlows.awaitApplied(submit("desk-w43-a", "W43 sent deal", Stage.UPSTREAM, "2026-10-20"));
        assertThat(DigestFlows.sendIssue("2026-W43").statusCode()).isEqualTo(202);
        DigestFlows.awaitIssueSent("2026-W43");
        String session = signIn();

        String home = desk(session).get("/desk").then().statusCode(200).extract().asString();
        assertThat(home.substring(home.indexOf("Recently sent"))).contains("href=\"/desk/weeks/2026-W43\"");
        String page = desk(session).get(WEEK, "2026-W43").then().statusCode(200).extract().asString();
        assertThat(page).contains("status-SENT", "fieldset class=\"plain\" disabled", "W43 sent deal")
                .doesNotContain("Approve version", "<button type=\"submit\">Save</button>");
        String refused = post(session, WEEK, "2026-W43", Map.of("csrf", csrf(page), "version", version(page),
                "intro", "Too late")).then().statusCode(409).extract().asString();
        assertThat(refused).contains("has been sent");
        assertThat(api().get(EDITION, "2026-W43").then().extract().jsonPath().getString("editor.intro")).isNull();
    }

    private static String signIn() {
        return given().contentType("application/x-www-form-urlencoded").formParam("key", DigestFlows.EDITOR_KEY)
                .redirects().follow(false).post("/desk/sign-in").then().statusCode(303).extract()
                .cookie(DigestAuthMechanism.COOKIE);
    }

    private static RequestSpecification desk(String session) {
        return given().cookie(DigestAuthMechanism.COOKIE, session).redirects().follow(false);
    }

    private static Response post(String session, String path, String week, Map<String, String> form) {
        return desk(session).contentType("application/x-www-form-urlencoded").formParams(form).post(path, week);
    }

    private static RequestSpecification api() {
        return given().header("Authorization", "Bearer " + DigestFlows.EDITOR_KEY);
    }

    private static String csrf(String page) {
        return group(CSRF, page);
    }

    private static String version(String page) {
        return group(VERSION, page);
    }

    private static String group(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        assertThat(matcher.find()).as(pattern.pattern()).isTrue();
        return matcher.group(1);
    }

    private void withdraw(String... externalIds) {
        for (String externalId : externalIds) {
            DigestFlows.awaitApplied(DigestFlows.withdraw(kafka, externalId));
        }
    }

    private DealEvent submit(String externalId, String headline, Stage stage, String reportedOn) {
        return DigestFlows.submit(kafka, SeedDeals.deal(externalId, headline, stage, LocalDate.parse(reportedOn)));
    }
}
