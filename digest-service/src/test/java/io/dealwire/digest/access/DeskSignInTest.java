package io.dealwire.digest.access;

import static io.dealwire.digest.support.DigestFlows.EDITOR_KEY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.dealwire.digest.subscription.Tokens;
import io.dealwire.testsupport.GreenMailResource;
import io.dealwire.testsupport.KafkaResource;
import io.dealwire.testsupport.ProxiedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The desk's sign-in: the session cookie, the signed-in page, sign-out with CSRF, expiry. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
@WithTestResource(GreenMailResource.class)
class DeskSignInTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Test
    void shouldShowTheSignInFormWithAPasswordField() {
        given().get("/desk/sign-in").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("type=\"password\""), containsString("name=\"key\""),
                        containsString("action=\"/desk/sign-in\""));
    }

    @Test
    void shouldSignInWithAnEditorKeyIntoAStrictHttpOnlyCookieAndShowTheName() {
        Response signIn = signIn(EDITOR_KEY);
        signIn.then().statusCode(303).header("Location", endsWith("/desk"));
        String setCookie = sessionSetCookie(signIn);
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/desk")
                .containsIgnoringCase("Max-Age=43200")
                .as("public-url is http in tests").doesNotContainIgnoringCase("Secure");
        String token = signIn.getCookie(DigestAuthMechanism.COOKIE);
        assertThat(Tokens.isWellFormed(token)).isTrue();
        assertThat(storedEditor(Tokens.hash(token))).as("only the hash is stored").isEqualTo("desk");

        given().cookie(DigestAuthMechanism.COOKIE, token).redirects().follow(false).get("/desk")
                .then().statusCode(200).body(containsString("Signed in as <strong>desk</strong>"),
                        containsString("action=\"/desk/sign-out\""));
    }

    @Test
    void shouldShowTheSignInPageAgainWith401ForAWrongKey() {
        Response wrong = signIn("not-an-editor-key");
        wrong.then().statusCode(401).contentType(containsString("text/html"))
                .body(containsString("not an editor key"), containsString("type=\"password\""),
                        not(containsString("not-an-editor-key")));
        assertThat(wrong.getCookie(DigestAuthMechanism.COOKIE)).isNull();
        signIn("").then().statusCode(401);
    }

    @Test
    void shouldRedirectToTheSignInWithoutASession() {
        given().redirects().follow(false).get("/desk").then().statusCode(303)
                .header("Location", endsWith("/desk/sign-in"));
        given().cookie(DigestAuthMechanism.COOKIE, Tokens.newToken()).redirects().follow(false).get("/desk")
                .then().statusCode(303).header("Location", endsWith("/desk/sign-in"));
    }

    @Test
    void shouldSignOutOnlyWithTheSessionsCsrfTokenAndThenRefuseTheOldCookie() {
        String token = signIn(EDITOR_KEY).getCookie(DigestAuthMechanism.COOKIE);
        String home = given().cookie(DigestAuthMechanism.COOKIE, token).get("/desk").then().statusCode(200)
                .extract().asString();
        Matcher csrf = CSRF.matcher(home);
        assertThat(csrf.find()).isTrue();

        signOut(token, null).then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
        signOut(token, Tokens.newToken()).then().statusCode(403).contentType("application/problem+json");
        assertThat(storedEditor(Tokens.hash(token))).as("still signed in").isEqualTo("desk");

        Response out = signOut(token, csrf.group(1));
        out.then().statusCode(303).header("Location", endsWith("/desk/sign-in"));
        assertThat(sessionSetCookie(out)).containsIgnoringCase("Max-Age=0").contains("Path=/desk");
        assertThat(storedEditor(Tokens.hash(token))).as("session row deleted").isNull();
        given().cookie(DigestAuthMechanism.COOKIE, token).redirects().follow(false).get("/desk")
                .then().statusCode(303).header("Location", endsWith("/desk/sign-in"));
    }

    @Test
    void shouldNotAuthenticateAnExpiredSession() {
        String token = Tokens.newToken();
        QuarkusTransaction.requiringNew().run(() -> {
            DeskSessionRow row = new DeskSessionRow();
            row.tokenHash = Tokens.hash(token);
            row.editor = "desk";
            row.csrfToken = Tokens.newToken();
            row.createdAt = Instant.now().minus(Duration.ofHours(13));
            row.expiresAt = Instant.now().minusSeconds(1);
            row.persist();
        });
        given().cookie(DigestAuthMechanism.COOKIE, token).redirects().follow(false).get("/desk")
                .then().statusCode(303).header("Location", endsWith("/desk/sign-in"));
    }

    @Test
    void shouldNotAcceptTheDeskCookieOutsideTheDesk() {
        String token = signIn(EDITOR_KEY).getCookie(DigestAuthMechanism.COOKIE);
        given().cookie(DigestAuthMechanism.COOKIE, token).get("/api/v1/digests/2020-W01/preview")
                .then().statusCode(401).contentType("application/problem+json");
    }

    private static Response signIn(String key) {
        return given().contentType("application/x-www-form-urlencoded").formParam("key", key)
                .redirects().follow(false).post("/desk/sign-in");
    }

    private static Response signOut(String token, String csrf) {
        var request = given().contentType("application/x-www-form-urlencoded")
                .cookie(DigestAuthMechanism.COOKIE, token).redirects().follow(false);
        if (csrf != null) {
            request.formParam("csrf", csrf);
        }
        return request.post("/desk/sign-out");
    }

    private static String sessionSetCookie(Response response) {
        List<String> cookies = response.headers().getValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith(DigestAuthMechanism.COOKIE + "=")).findFirst().orElseThrow();
    }

    private static String storedEditor(String tokenHash) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DeskSessionRow row = DeskSessionRow.findById(tokenHash);
            return row == null ? null : row.editor;
        });
    }
}
