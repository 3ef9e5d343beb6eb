package io.dealwire.digest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.dealwire.testsupport.GreenMailResource;
import io.dealwire.testsupport.InjectGreenMail;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.dealwire.testsupport.PostgresResource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(GreenMailResource.class)
class InfrastructureSmokeTest {

    @InjectGreenMail
    GreenMail greenMail;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    Mailer mailer;

    @Test
    void shouldSendAMailThatGreenMailReceives() throws Exception {
        mailer.send(Mail.withText("reader@example.org", "hello", "body"));
        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(greenMail.getReceivedMessages()[0].getSubject()).isEqualTo("hello");
        assertThat(kafka).isNotNull();
        given().get("/q/health/live").then().statusCode(200);
    }
}
