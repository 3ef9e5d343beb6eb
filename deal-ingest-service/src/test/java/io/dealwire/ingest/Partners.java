package io.dealwire.ingest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The DEVELOPMENT KEYS of the test profile (application.properties) and requests made with them. */
public final class Partners {

    public static final String REEX = "reex";
    public static final String REEX_KEY = "test-key-reex-1";
    public static final String REEX_ROTATED_KEY = "test-key-reex-2";
    public static final String ACME = "acme";
    public static final String ACME_KEY = "test-key-acme";
    public static final String THROTTLED_KEY = "test-key-throttled";

    private Partners() {
    }

    public static RequestSpecification as(String apiKey) {
        return given().header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON);
    }

    public static RequestSpecification asReex() {
        return as(REEX_KEY);
    }

    public static RequestSpecification asAcme() {
        return as(ACME_KEY);
    }
}
