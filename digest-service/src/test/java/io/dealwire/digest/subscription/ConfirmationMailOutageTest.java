package io.dealwire.digest.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import com.icegreen.greenmail.util.GreenMail;
import io.dealwire.digest.support.Mails;
import io.dealwire.testsupport.GreenMailResource;
import io.dealwire.testsupport.InjectGreenMail;
import io.dealwire.testsupport.KafkaResource;
import io.dealwire.testsupport.ProxiedPostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The confirmation mail while the mail server is down (see DealConsumerTest for why an app of its own). */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
@WithTestResource(value = GreenMailResource.class, initArgs = @ResourceArg(name = "isolated", value = "ConfirmationMailOutageTest"))
class ConfirmationMailOutageTest {

    @InjectGreenMail
    GreenMail greenMail;

    @Test
    void shouldSayOnThePageWhenTheConfirmationMailCannotBeSentAndAcceptTheRetry() {
        String reader = "mail-down@example.org";
        greenMail.stop();
        try {
            given().formParam("email", reader).formParam("stages", "UPSTREAM").post("/subscribe").then()
                    .statusCode(503).contentType(ContentType.HTML).header("Retry-After", notNullValue())
                    .body(containsString("We could not send the confirmation mail just now"))
                    .body(containsString("value=\"" + reader + "\""));
            given().contentType(ContentType.JSON).body(Map.of("email", reader)).post("/api/v1/subscriptions").then()
                    .statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue());
        } finally {
            greenMail.start();
        }

        // the failed attempts did not use up the address's confirmation mail
        given().formParam("email", reader).post("/subscribe").then().statusCode(200)
                .body(containsString("Check your inbox"));
        assertThat(Mails.to(greenMail, reader)).hasSize(1);
    }

}
