package io.dealwire.digest.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.icegreen.greenmail.util.GreenMail;
import io.dealwire.contract.Stage;
import io.dealwire.digest.support.DigestFlows;
import io.dealwire.digest.support.Mails;
import io.dealwire.testsupport.ProxiedPostgresResource;
import io.dealwire.digest.support.SeedDeals;
import io.dealwire.testsupport.GreenMailResource;
import io.dealwire.testsupport.InjectGreenMail;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.dealwire.testsupport.TcpProxy;
import io.dealwire.digest.mail.SmtpRelay;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Double opt-in, confirm, digest, one-click unsubscribe, re-subscribe; weeks 2026-W10 to W12. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
@WithTestResource(GreenMailResource.class)
class SubscriptionLifecycleTest {

    private static final String DEFAULT_READER = "lifecycle-reader@example.org";
    private static final String DEFAULT_UNCONFIRMED = "lifecycle-unconfirmed@example.org";

    @InjectGreenMail
    GreenMail greenMail;

    @InjectGreenMail
    TcpProxy relay;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    SmtpRelay smtp;

    @Test
    void shouldAnswerTheSameWhetherTheAddressIsKnownOrNot() {
        String known = "known@example.org";
        String first = subscribe(known);
        String again = subscribe(known);
        String unknown = subscribe("never-seen-before@example.org");
        assertThat(again).isEqualTo(first).isEqualTo(unknown);
    }

    @Test
    void shouldMailOneConfirmationPerAddressPerIntervalAndAnswerTheSameEveryTime() {
        String flooded = "flooded@example.org";
        String first = subscribe(flooded);
        // the same address again, however written, through the API and the page
        assertThat(subscribe("Flooded@Example.org")).isEqualTo(first);
        given().formParam("email", flooded).post("/subscribe").then().statusCode(200)
                .body(containsString("Check your inbox"));
        assertThat(subscribe(flooded)).isEqualTo(first);

        // the mail is sent before the answer, so whatever was sent has arrived by now
        assertThat(Mails.to(greenMail, flooded)).hasSize(1);
    }

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
        // the requests after the restart (on fresh connections to the new GreenMail) are answered within the bound, and mailed
        for (int i = 0; i < 5; i++) {
            String next = "after-restart-" + i + "@example.org";
            assertThat(timeOf(() -> subscribe(next))).isLessThan(boundOfOneRequest());
            assertThat(Mails.to(greenMail, next)).hasSize(1);
        }
    }

    @Test
    void shouldAnswerWithinTheSmtpBoundAndStillMailWhenTheRelayGoesSilentOnAFreshConnection() {
        String reader = "silent-relay@example.org";
        relay.cut(); // no pooled connection survives: the next mail needs a fresh one
        relay.restore();
        relay.silenceNext(1); // accepted, then never a greeting: what a lost greeting looks like to the client
        try {
            Duration took = timeOf(() -> subscribe(reader));

            // the silent connection was given up at the bound, the mail went out on another one
            assertThat(took).isGreaterThanOrEqualTo(smtp.timeout()).isLessThan(boundOfOneRequest());
            assertThat(Mails.to(greenMail, reader)).hasSize(1);
        } finally {
            relay.restore();
        }
    }

    @Test
    void shouldRejectInvalidRequestsWithProblemDetails() {
        given().contentType(ContentType.JSON).body(Map.of("email", "not-an-address"))
                .post("/api/v1/subscriptions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("email"));
        given().contentType(ContentType.JSON).body(Map.of("email", "a@example.org", "stage", "UPSTREAM"))
                .post("/api/v1/subscriptions").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("email", "a@example.org", "countries", new String[] {"XX"}))
                .post("/api/v1/subscriptions").then().statusCode(400);
    }

    @Test
    void shouldOfferASubscribePageWhoseFormSubscribes() {
        given().get("/subscribe").then().statusCode(200).body(containsString("<form method=\"post\" action=\"/subscribe\""));
        given().formParam("email", "page-form@example.org").formParam("stages", "DOWNSTREAM")
                .post("/subscribe").then().statusCode(200).body(containsString("Check your inbox"));
        DigestFlows.awaitMails(greenMail, "page-form@example.org", 1);
        // a plain-language error, and what was typed is still there
        given().formParam("email", "nonsense").formParam("stages", "RECYCLING").post("/subscribe").then().statusCode(400)
                .body(containsString("Please enter a valid email address."))
                .body(containsString("value=\"nonsense\""))
                .body(containsString("value=\"RECYCLING\" checked"));
    }

    @Test
    void shouldSendOnlyToConfirmedReadersAndStopAfterOneClickUnsubscribe() throws Exception {
        given().contentType(ContentType.JSON).body(Map.of("email", DEFAULT_READER, "name", "Rea <b>der</b>"))
                .post("/api/v1/subscriptions").then().statusCode(202);
        MimeMessage confirmation = DigestFlows.awaitMails(greenMail, DEFAULT_READER, 1).get(0);
        assertThat(confirmation.getSubject()).isEqualTo("Confirm your Deal Wire subscription");
        assertThat(Mails.part(confirmation, "text/html").orElseThrow()).contains("Rea &lt;b&gt;der&lt;/b&gt;");
        String token = Mails.confirmToken(confirmation);

        // a GET (a mail scanner following the link) confirms nothing
        given().get("/confirm/{token}", token).then().statusCode(200).body(containsString("method=\"post\""));
        assertThat(DigestFlows.statusOf(DEFAULT_READER)).isEqualTo(Subscriber.Status.PENDING);
        given().post("/confirm/{token}", token).then().statusCode(200).body(containsString(DEFAULT_READER));
        assertThat(DigestFlows.statusOf(DEFAULT_READER)).isEqualTo(Subscriber.Status.CONFIRMED);
        given().post("/confirm/{token}", token).then().statusCode(404);

        given().contentType(ContentType.JSON).body(Map.of("email", DEFAULT_UNCONFIRMED))
                .post("/api/v1/subscriptions").then().statusCode(202);

        MimeMessage digest = sendWeekWithOneDeal("2026-W10", LocalDate.of(2026, 3, 3)).get(0);
        assertThat(Mails.digests(greenMail, DEFAULT_UNCONFIRMED, "2026-W10")).isEmpty();
        String unsubscribeToken = Mails.unsubscribeToken(digest);
        assertThat(Mails.part(digest, "text/plain").orElseThrow()).contains("/unsubscribe/" + unsubscribeToken);

        // the unsubscribe page's GET only shows a button
        given().get("/unsubscribe/{token}", unsubscribeToken).then().statusCode(200)
                .body(containsString("List-Unsubscribe"));
        assertThat(DigestFlows.statusOf(DEFAULT_READER)).isEqualTo(Subscriber.Status.CONFIRMED);
        // RFC 8058 one-click, as a mail client sends it
        given().contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .post("/unsubscribe/{token}", unsubscribeToken).then().statusCode(200);
        assertThat(DigestFlows.statusOf(DEFAULT_READER)).isEqualTo(Subscriber.Status.UNSUBSCRIBED);

        sendWeekWithOneDeal("2026-W11", LocalDate.of(2026, 3, 10));
        assertThat(Mails.digests(greenMail, DEFAULT_READER, "2026-W11")).isEmpty();
        assertThat(Mails.to(greenMail, DEFAULT_UNCONFIRMED)).hasSize(1); // the confirmation, nothing else

        given().post("/unsubscribe/{token}/resubscribe", unsubscribeToken).then().statusCode(200);
        assertThat(DigestFlows.statusOf(DEFAULT_READER)).isEqualTo(Subscriber.Status.CONFIRMED);
        MimeMessage again = sendWeekWithOneDeal("2026-W12", LocalDate.of(2026, 3, 17)).get(0);
        // one stable token per subscriber: every digest carries the same link, and no token row is written
        assertThat(Mails.unsubscribeToken(again)).isEqualTo(unsubscribeToken);
        assertThat(tokenRows(DEFAULT_READER, SubscriberToken.Purpose.UNSUBSCRIBE)).isZero();
        given().post("/unsubscribe/{token}", "x".repeat(43)).then().statusCode(404);
    }

    @Test
    void shouldLiftABounceOnlyByANewSubscriptionConfirmedFromTheMailbox() {
        String reader = "bounced-then-back@example.org";
        DigestFlows.subscribeAndConfirm(greenMail, reader, Map.of());
        String unsubscribeToken = QuarkusTransaction.requiringNew().call(
                () -> Subscriber.findByEmail(reader).orElseThrow().unsubscribeToken);
        // the relay refused the address for good (what SmtpOutcomesTest gets from a real exchange)
        QuarkusTransaction.requiringNew().run(() -> Subscriber.update("status = ?1, bouncedAt = ?2, bounceReason = ?3"
                + " where email = ?4", Subscriber.Status.BOUNCED, Instant.now(), "SMTP 550 at RCPT_TO: 5.1.1 No such user",
                reader));
        try {
            // the unsubscribe page's re-subscribe proves nothing about a mailbox that refuses mail
            given().post("/unsubscribe/{token}/resubscribe", unsubscribeToken).then().statusCode(200)
                    .body(containsString("refused"));
            assertThat(DigestFlows.statusOf(reader)).isEqualTo(Subscriber.Status.BOUNCED);

            given().contentType(ContentType.JSON).body(Map.of("email", reader))
                    .post("/api/v1/subscriptions").then().statusCode(202);
            MimeMessage confirmation = DigestFlows.awaitMails(greenMail, reader, 2).get(1);
            given().post("/confirm/{token}", Mails.confirmToken(confirmation)).then().statusCode(200);

            Subscriber back = QuarkusTransaction.requiringNew().call(() -> Subscriber.findByEmail(reader).orElseThrow());
            assertThat(back.status).isEqualTo(Subscriber.Status.CONFIRMED);
            assertThat(back.bouncedAt).isNull();
            assertThat(back.bounceReason).isNull();
        } finally {
            // not a reader of other tests' issues
            QuarkusTransaction.requiringNew().run(() -> Subscriber.update("status = ?1 where email = ?2",
                    Subscriber.Status.UNSUBSCRIBED, reader));
        }
    }

    @Test
    void shouldStillHonourAPerMailUnsubscribeLinkMailedBeforeTokensWereStable() {
        String email = "legacy-link@example.org";
        String raw = Tokens.newToken();
        DigestFlows.confirmedSubscriber(email);
        long subscriberId = DigestFlows.subscriberId(email);
        QuarkusTransaction.requiringNew().run(() -> {
            // a row as a digest sent before Flyway V3 minted it
            SubscriberToken token = new SubscriberToken();
            token.tokenHash = Tokens.hash(raw);
            token.subscriberId = subscriberId;
            token.purpose = SubscriberToken.Purpose.UNSUBSCRIBE;
            token.createdAt = Instant.now();
            token.persist();
        });

        given().post("/unsubscribe/{token}", raw).then().statusCode(200);
        assertThat(DigestFlows.statusOf(email)).isEqualTo(Subscriber.Status.UNSUBSCRIBED);
        given().post("/unsubscribe/{token}/resubscribe", raw).then().statusCode(200);
        assertThat(DigestFlows.statusOf(email)).isEqualTo(Subscriber.Status.CONFIRMED);
        // and again, which also keeps this reader out of other tests' issues
        given().post("/unsubscribe/{token}", raw).then().statusCode(200);
        assertThat(DigestFlows.statusOf(email)).isEqualTo(Subscriber.Status.UNSUBSCRIBED);
        assertThat(DigestFlows.unsubscribeTokenOf(email)).isNotEqualTo(raw).matches("[A-Za-z0-9_-]{43}");
    }

    private static long tokenRows(String email, SubscriberToken.Purpose purpose) {
        return QuarkusTransaction.requiringNew().call(() -> SubscriberToken.count("subscriberId = ?1 and purpose = ?2",
                Subscriber.findByEmail(email).orElseThrow().id, purpose));
    }

    /** Publishes one deal reported in the week, sends the week, returns the reader's mails of it. */
    private java.util.List<MimeMessage> sendWeekWithOneDeal(String week, LocalDate reportedOn) {
        var event = DigestFlows.submit(kafka, SeedDeals.deal("lifecycle-" + week, "Lifecycle deal of " + week,
                Stage.MIDSTREAM, reportedOn));
        DigestFlows.awaitApplied(event);
        assertThat(DigestFlows.sendIssue(week).statusCode()).isEqualTo(202);
        DigestFlows.awaitIssueSent(week);
        return Mails.digests(greenMail, DEFAULT_READER, week);
    }

    /** One silent attempt and one that is answered; the second's few loopback round trips get a bound of their own. */
    private Duration boundOfOneRequest() {
        return smtp.timeout().multipliedBy(3);
    }

    private static Duration timeOf(Runnable request) {
        long started = System.nanoTime();
        request.run();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static String subscribe(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email))
                .post("/api/v1/subscriptions").then().statusCode(202).extract().asString();
    }
}
