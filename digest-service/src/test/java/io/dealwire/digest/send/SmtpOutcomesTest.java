package io.dealwire.digest.send;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dealwire.contract.Stage;
import io.dealwire.digest.subscription.Subscriber;
import io.dealwire.digest.support.DigestFlows;
import io.dealwire.digest.support.SeedDeals;
import io.dealwire.testsupport.GreenMailResource;
import io.dealwire.testsupport.InjectGreenMail;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.dealwire.testsupport.ProxiedPostgresResource;
import io.dealwire.testsupport.ScriptedSmtpServer;
import io.dealwire.testsupport.TcpProxy;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One issue to 20 readers through a scripted relay that refuses one recipient for good (550 5.1.1 at
 * RCPT TO), one softly once (452 4.2.2 at RCPT TO), one message at its end of data (554 5.6.0) and drops
 * the connection after one message's final dot: the 16 others are delivered in the same run, the
 * ledger and the metrics say what happened to each of the four, the soft one is delivered once the
 * relay takes it a little later, and the bounced address is in no later issue. Weeks 2026-W45 and W47.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
@WithTestResource(GreenMailResource.class)
class SmtpOutcomesTest {

    private static final String WEEK = "2026-W45";
    private static final String NEXT_WEEK = "2026-W47";
    private static final List<String> READERS = IntStream.rangeClosed(1, 20)
            .mapToObj(i -> "outcome-%02d@example.org".formatted(i)).toList();
    private static final String BOUNCING = READERS.get(2);
    private static final String MAILBOX_FULL = READERS.get(5);
    private static final String REJECTED = READERS.get(9);
    private static final String DROPPED = READERS.get(14);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @InjectGreenMail
    TcpProxy relay;

    @Inject
    DigestSender sender;

    @Inject
    MeterRegistry registry;

    private ScriptedSmtpServer smtp;

    @BeforeEach
    void divertTheRelay() {
        smtp = new ScriptedSmtpServer();
        await().atMost(DigestFlows.PATIENCE).until(sender::isIdle);
        relay.cut(); // no pooled connection to GreenMail survives
        relay.restore();
        relay.divertTo(smtp.port());
    }

    @AfterEach
    void backToGreenMail() {
        await().atMost(DigestFlows.PATIENCE).until(sender::isIdle);
        relay.undivert();
        relay.cut();
        relay.restore();
        smtp.close();
        // these readers are no readers of other tests' issues
        QuarkusTransaction.requiringNew().run(() -> Subscriber.update("status = ?1 where email in ?2",
                Subscriber.Status.UNSUBSCRIBED, READERS));
    }

    @Test
    void shouldDeliverEveryOtherMailInOneRunAndRecordWhatHappenedToEachRefusedOne() {
        READERS.forEach(DigestFlows::confirmedSubscriber);
        DigestFlows.awaitApplied(DigestFlows.submit(kafka,
                SeedDeals.deal("outcome-deal", "Deal sent past a fussy relay", Stage.UPSTREAM, LocalDate.of(2026, 11, 3))));
        smtp.refuseRecipient(BOUNCING, "550 5.1.1 No such user");
        smtp.refuseRecipientOnce(MAILBOX_FULL, "452 4.2.2 Mailbox full");
        smtp.refuseMessage(REJECTED, "554 5.6.0 Message rejected as spam");
        smtp.dropAfterData(DROPPED);
        double unknownBefore = counter("dealwire.digest.mails.outcome.unknown");
        double deferredBefore = counter("dealwire.digest.mails.deferred");
        double bouncesBefore = counter("dealwire.digest.bounces");

        assertThat(DigestFlows.sendIssue(WEEK).statusCode()).isEqualTo(202);
        DigestFlows.awaitIssueSent(WEEK);

        // everyone else got exactly one mail
        for (String reader : List.of(BOUNCING, REJECTED, DROPPED)) {
            assertThat(smtp.receivedBy(reader)).as(reader).isEmpty();
        }
        READERS.stream().filter(r -> !List.of(BOUNCING, REJECTED, DROPPED).contains(r))
                .forEach(reader -> assertThat(smtp.receivedBy(reader)).as(reader).hasSize(1));
        // the full mailbox was set aside, not retried in line: its mail came after all the later readers'
        List<String> order = smtp.received().stream().flatMap(r -> r.recipients().stream())
                .filter(READERS::contains).toList();
        assertThat(order.get(order.size() - 1)).isEqualTo(MAILBOX_FULL);
        assertThat(smtp.refusals()).contains(MAILBOX_FULL + ": 452 4.2.2 Mailbox full");
        assertThat(counter("dealwire.digest.mails.deferred")).isEqualTo(deferredBefore + 1);

        Map<String, Delivery> rows = rows(WEEK);
        assertThat(rows.get(MAILBOX_FULL).status).isEqualTo(Delivery.Status.SENT);
        assertThat(rows.get(MAILBOX_FULL).attempts).isEqualTo(2);
        assertThat(rows.get(BOUNCING).status).isEqualTo(Delivery.Status.FAILED);
        assertThat(rows.get(BOUNCING).lastError).contains("550", "5.1.1 No such user");
        assertThat(rows.get(REJECTED).status).isEqualTo(Delivery.Status.FAILED);
        assertThat(rows.get(REJECTED).lastError).contains("554", "rejected as spam");
        assertThat(rows.get(DROPPED).status).isEqualTo(Delivery.Status.OUTCOME_UNKNOWN);
        assertThat(rows.get(DROPPED).attempts).isEqualTo(1); // never resent
        assertThat(counter("dealwire.digest.mails.outcome.unknown")).isEqualTo(unknownBefore + 1);
        assertThat(counter("dealwire.digest.bounces")).isEqualTo(bouncesBefore + 1);
        // only the address refused for good bounces; a refused message says nothing about the mailbox
        assertThat(DigestFlows.statusOf(BOUNCING)).isEqualTo(Subscriber.Status.BOUNCED);
        assertThat(DigestFlows.statusOf(REJECTED)).isEqualTo(Subscriber.Status.CONFIRMED);
        assertThat(DigestFlows.statusOf(DROPPED)).isEqualTo(Subscriber.Status.CONFIRMED);
        List<Map<String, Object>> bounced = given().header("Authorization", "Bearer " + DigestFlows.ADMIN_KEY)
                .get("/api/v1/subscribers/bounced").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(bounced).anySatisfy(b -> {
            assertThat(b.get("email")).isEqualTo(BOUNCING);
            assertThat((String) b.get("reason")).contains("550");
            assertThat(b.get("bouncedAt")).isNotNull();
        });

        // the next issue leaves the bounced address out and reaches the others, the dropped one too
        smtp.accept(REJECTED);
        smtp.accept(DROPPED);
        DigestFlows.awaitApplied(DigestFlows.submit(kafka,
                SeedDeals.deal("outcome-next-deal", "Next week's deal", Stage.UPSTREAM, LocalDate.of(2026, 11, 17))));
        assertThat(DigestFlows.sendIssue(NEXT_WEEK).statusCode()).isEqualTo(202);
        DigestFlows.awaitIssueSent(NEXT_WEEK);
        assertThat(rows(NEXT_WEEK)).doesNotContainKey(BOUNCING).containsKeys(MAILBOX_FULL, REJECTED, DROPPED);
        assertThat(smtp.receivedBy(BOUNCING)).isEmpty();
        assertThat(smtp.receivedBy(DROPPED)).hasSize(1);
        assertThat(smtp.receivedBy(REJECTED)).hasSize(1);
        DigestFlows.withdraw(kafka, "outcome-deal");
        DigestFlows.withdraw(kafka, "outcome-next-deal");
    }

    private double counter(String name) {
        return registry.counter(name).count();
    }

    /** The issue's ledger rows of this test's readers, by address. */
    private static Map<String, Delivery> rows(String week) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<Long, String> emails = Subscriber.<Subscriber>list("email in ?1", READERS).stream()
                    .collect(Collectors.toMap(s -> s.id, s -> s.email));
            return Delivery.<Delivery>list("id.week = ?1 and id.subscriberId in ?2", week, emails.keySet()).stream()
                    .collect(Collectors.toMap(d -> emails.get(d.id.subscriberId()), d -> d));
        });
    }
}
