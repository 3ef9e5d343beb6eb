package io.dealwire.digest.access;

import static io.dealwire.digest.support.DigestFlows.ADMIN_KEY;
import static io.dealwire.digest.support.DigestFlows.EDITOR_KEY;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.dealwire.testsupport.GreenMailResource;
import io.dealwire.testsupport.KafkaResource;
import io.dealwire.testsupport.ProxiedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Every digest key through the one mechanism: roles, 401 and 403 as problem+json. Week 2020-W01 (empty). */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
@WithTestResource(GreenMailResource.class)
class AccessTest {

    private static final String EMPTY_WEEK = "2020-W01";

    @Test
    void shouldLetTheAdminKeySendAndInspect() {
        given().header("Authorization", "Bearer " + ADMIN_KEY).post("/api/v1/digests/{week}/send", EMPTY_WEEK)
                .then().statusCode(200).body("status", equalTo("EMPTY"));
        // the scheme is case-insensitive
        given().header("Authorization", "bearer " + ADMIN_KEY).get("/api/v1/digests/{week}", EMPTY_WEEK)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldAnswer403ProblemToAnEditorKeyOnTheAdminApi() {
        forbidden(given().header("Authorization", "Bearer " + EDITOR_KEY)
                .post("/api/v1/digests/{week}/send", EMPTY_WEEK).then());
        forbidden(given().header("Authorization", "Bearer " + EDITOR_KEY)
                .get("/api/v1/digests/{week}/preview", EMPTY_WEEK).then());
    }

    @Test
    void shouldAnswer401ProblemWithoutOrWithAWrongKey() {
        unauthorized(given().post("/api/v1/digests/{week}/send", EMPTY_WEEK).then());
        unauthorized(given().header("Authorization", "Bearer not-a-key")
                .post("/api/v1/digests/{week}/send", EMPTY_WEEK).then());
        unauthorized(given().header("Authorization", "Basic " + ADMIN_KEY).get("/api/v1/digests/{week}", EMPTY_WEEK)
                .then());
        // the hash itself is not a key
        unauthorized(given().header("Authorization", "Bearer " + io.dealwire.digest.subscription.Tokens.hash(ADMIN_KEY))
                .get("/api/v1/digests/{week}", EMPTY_WEEK).then());
    }

    @Test
    void shouldIgnoreAWrongKeyOnAPublicPage() {
        given().header("Authorization", "Bearer not-a-key").get("/digests").then().statusCode(200);
    }

    @Test
    void shouldCountTheAdminKeyAsAnEditorAtTheDesk() {
        given().header("Authorization", "Bearer " + ADMIN_KEY).redirects().follow(false).get("/desk")
                .then().statusCode(200).body(containsString("Signed in as <strong>admin</strong>"));
        given().header("Authorization", "Bearer " + EDITOR_KEY).redirects().follow(false).get("/desk")
                .then().statusCode(200).body(containsString("Signed in as <strong>desk</strong>"));
    }

    private static void unauthorized(ValidatableResponse response) {
        response.statusCode(401).header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body(not(containsString("Exception")));
    }

    private static void forbidden(ValidatableResponse response) {
        response.statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403))
                .body(not(containsString("Exception")));
    }
}
