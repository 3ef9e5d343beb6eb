package io.dealwire.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemMappersTest {

    private static final String VALID_BODY = "{\"name\":\"abc\",\"colour\":\"RED\"}";

    @Test
    void shouldAcceptAValidBody() {
        given().contentType("application/json").body(VALID_BODY)
                .post("/probe").then().statusCode(200);
    }

    @Test
    void shouldNameTheFieldsThatBreakConstraints() {
        given().contentType("application/json").body("{\"name\":\"toolong\",\"colour\":\"RED\",\"items\":[{\"name\":\"\"}]}")
                .post("/probe").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Bad Request"))
                .body("instance", equalTo("/probe"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("items[0].name"));
    }

    @Test
    void shouldNameAnUnknownField() {
        given().contentType("application/json").body("{\"name\":\"abc\",\"colour\":\"RED\",\"colur\":1}")
                .post("/probe").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("colur"))
                .body("errors[0].message", equalTo("unknown field"));
    }

    @Test
    void shouldListTheValuesOfAnEnum() {
        given().contentType("application/json").body("{\"name\":\"abc\",\"colour\":\"BLUE\"}")
                .post("/probe").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("colour"))
                .body("errors[0].message", equalTo("must be one of RED, GREEN"));
    }

    @Test
    void shouldListTheJsonValuesOfAnEnumNotItsJavaNames() {
        given().contentType("application/json").body("{\"name\":\"abc\",\"colour\":\"RED\",\"unit\":\"kt\"}")
                .post("/probe").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("unit"))
                .body("errors[0].message", equalTo("must be one of t/y, t"));
    }

    @Test
    void shouldNameAFieldOfTheWrongType() {
        given().contentType("application/json").body("{\"name\":\"abc\",\"colour\":\"RED\",\"count\":\"many\"}")
                .post("/probe").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("count"))
                .body("errors[0].message", equalTo("must be a number"));
    }

    @Test
    void shouldRejectMalformedJson() {
        given().contentType("application/json").body("{\"name\":")
                .post("/probe").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].message", containsString("malformed JSON"));
    }

    @Test
    void shouldNameAnInvalidQueryParameter() {
        given().queryParam("size", 201).get("/probe").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void shouldAnswer415ForAWrongContentType() {
        given().contentType("text/plain").body("hello").post("/probe").then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void shouldAnswer404AsAProblem() {
        given().get("/nowhere").then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldHideInternalsOfAnUnexpectedError() {
        given().get("/probe/boom").then()
                .statusCode(500)
                .contentType("application/problem+json")
                .body(not(containsString("secret")))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("at io.")));
    }

    @Test
    void shouldTreatAnInvalidAnswerAsAServerError() {
        given().get("/probe/broken-answer").then()
                .statusCode(500)
                .contentType("application/problem+json")
                .body("errors", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void shouldCarryTheHeadersOfAProblemException() {
        given().get("/probe/busy").then()
                .statusCode(503)
                .header("Retry-After", "5")
                .body("detail", equalTo("try later"));
    }
}
