package io.dealwire.digest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.icegreen.greenmail.util.GreenMail;
import io.dealwire.testsupport.ProxiedPostgresResource;
import io.dealwire.testsupport.GreenMailResource;
import io.dealwire.testsupport.InjectGreenMail;
import io.dealwire.testsupport.KafkaResource;
import io.dealwire.digest.mail.SmtpRelay;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.ext.mail.MailMessage;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The wiring: real SMTP (GreenMail) with a custom Message-ID kept, and health with broker and database up. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
@WithTestResource(GreenMailResource.class)
class InfrastructureSmokeTest {

    private static final String DEFAULT_RECIPIENT = "smoke@example.org";

    @InjectGreenMail
    GreenMail greenMail;

    @Inject
    SmtpRelay relay;

    @Test
    void shouldSendAMailThatGreenMailReceivesWithOurMessageId() throws Exception {
        relay.send(new MailMessage().setTo(DEFAULT_RECIPIENT).setSubject("hello").setText("body")
                .addHeader("Message-ID", "<smoke.1@dealwire>"));
        assertThat(greenMail.waitForIncomingEmail(30_000, 1)).isTrue();
        var received = io.dealwire.digest.support.Mails.to(greenMail, DEFAULT_RECIPIENT);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("hello");
        assertThat(received.get(0).getHeader("Message-ID")).containsExactly("<smoke.1@dealwire>");
    }

    @Test
    void shouldServeOpenApiAndDigestMetrics() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/subscriptions"))
                .body(containsString("/api/v1/digests/{week}/send"))
                .body(containsString("bearer"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("dealwire_digest_subscribers{state=\"CONFIRMED\""))
                .body(containsString("dealwire_digest_mails_sent_total"));
    }

    @Test
    void shouldReportLiveAndReady() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }
}
