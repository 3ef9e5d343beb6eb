package io.dealwire.digest.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.dealwire.contract.Stage;
import io.dealwire.digest.config.DigestConfig;
import io.dealwire.digest.issue.Issue;
import io.dealwire.digest.subscription.Subscriber;
import io.dealwire.digest.support.DigestFlows;
import io.dealwire.digest.support.Mails;
import io.dealwire.testsupport.ProxiedPostgresResource;
import io.dealwire.digest.support.SeedDeals;
import io.dealwire.testsupport.GreenMailResource;
import io.dealwire.testsupport.InjectGreenMail;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The relay is down (GreenMail stopped) for more rounds than {@code max-attempts} allows: nobody is
 * FAILED, no attempt is counted, the issue stays open, and everyone gets exactly one mail once the
 * relay is back. Real sender, dispatcher, ledger (PostgreSQL) and SMTP client.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
// An app of its own: this test cuts the database or the mail server under the running app, and the
// app it leaves behind once made the next class's first SMTP exchange hang for 30 s (cause not found).
@WithTestResource(value = GreenMailResource.class, initArgs = @ResourceArg(name = "isolated", value = "SmtpOutageTest"))
class SmtpOutageTest {

    private static final String WEEK = "2026-W23";
    private static final String DEFAULT_READER = "outage-reader@example.org";

    @InjectGreenMail
    GreenMail greenMail;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    DigestSender sender;

    @Inject
    DigestConfig config;

    @Test
    void shouldKeepEveryRowPendingWithoutCountingAttemptsWhileTheRelayIsDownAndSendOnceItIsBack() {
        confirmedSubscriber(DEFAULT_READER);
        DigestFlows.awaitApplied(DigestFlows.submit(kafka,
                SeedDeals.deal("outage-deal", "Deal sent through an SMTP outage", Stage.UPSTREAM, LocalDate.of(2026, 6, 2))));
        await().atMost(DigestFlows.PATIENCE).until(sender::isIdle);

        greenMail.stop();
        try {
            assertThat(DigestFlows.sendIssue(WEEK).statusCode()).isEqualTo(202);
            // one round more than it took the old rule to mark everyone FAILED
            int rounds = config.digest().send().maxAttempts() / config.digest().send().attemptsPerRound() + 1;
            for (int round = 1; round < rounds; round++) {
                await().atMost(DigestFlows.PATIENCE).until(sender::isIdle);
                sender.trigger(); // what the periodic poll does
            }
            await().atMost(DigestFlows.PATIENCE).until(sender::isIdle);

            List<Delivery> rows = rows();
            assertThat(rows).isNotEmpty().allSatisfy(row -> {
                assertThat(row.status).isEqualTo(Delivery.Status.PENDING);
                assertThat(row.attempts).isZero();
            });
            assertThat(rows).anySatisfy(row -> assertThat(row.lastError).startsWith("mail server unavailable"));
            assertThat(issueStatus()).isEqualTo(Issue.Status.SENDING);
        } finally {
            greenMail.start();
        }

        sender.trigger();
        DigestFlows.awaitIssueSent(WEEK);
        assertThat(Mails.digests(greenMail, DEFAULT_READER, WEEK)).hasSize(1);
        assertThat(rows()).allSatisfy(row -> assertThat(row.status).isEqualTo(Delivery.Status.SENT));
    }

    private static List<Delivery> rows() {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list("id.week", WEEK));
    }

    private static Issue.Status issueStatus() {
        return QuarkusTransaction.requiringNew().call(() -> Issue.<Issue>findById(WEEK).status);
    }

    private static void confirmedSubscriber(String email) {
        QuarkusTransaction.requiringNew().run(() -> {
            Subscriber subscriber = new Subscriber();
            subscriber.email = email;
            subscriber.status = Subscriber.Status.CONFIRMED;
            subscriber.createdAt = Instant.now();
            subscriber.confirmedAt = Instant.now();
            subscriber.persist();
        });
    }
}
