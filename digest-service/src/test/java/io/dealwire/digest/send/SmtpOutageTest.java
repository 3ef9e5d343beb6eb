package io.dealwire.digest.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.dealwire.contract.Stage;
import io.dealwire.digest.config.DigestConfig;
import io.dealwire.digest.issue.Issue;
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
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
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
@WithTestResource(GreenMailResource.class)
class SmtpOutageTest {

    private static final String WEEK = "2026-W23";
    private static final String DEFAULT_READER = "outage-reader@example.org";
    private static final String SILENT_WEEK = "2026-W25";
    private static final String DEFAULT_SILENT_READER = "silent-relay-reader@example.org";

    @InjectGreenMail
    GreenMail greenMail;

    @InjectGreenMail
    TcpProxy relay;

    @Inject
    SmtpRelay smtp;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    DigestSender sender;

    @Inject
    DigestConfig config;

    @Test
    void shouldKeepEveryRowPendingWithoutCountingAttemptsWhileTheRelayIsDownAndSendOnceItIsBack() {
        DigestFlows.confirmedSubscriber(DEFAULT_READER);
        DigestFlows.awaitApplied(DigestFlows.submit(kafka,
                SeedDeals.deal("outage-deal", "Deal sent through an SMTP outage", Stage.UPSTREAM, LocalDate.of(2026, 6, 2))));
        await().atMost(DigestFlows.PATIENCE).until(sender::isIdle);

        greenMail.stop();
        try {
            assertThat(DigestFlows.sendIssue(WEEK).statusCode()).isEqualTo(202);
            // one round more than it took the old rule to mark everyone FAILED
            int rounds = config.digest().maxAttempts() / config.digest().send().attemptsPerRound() + 1;
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

    @Test
    void shouldCostAtMostTheSmtpBoundPerSilentConnectionAndCountNoAttempt() {
        DigestFlows.confirmedSubscriber(DEFAULT_SILENT_READER);
        DigestFlows.awaitApplied(DigestFlows.submit(kafka,
                SeedDeals.deal("silent-deal", "Deal sent past a silent relay", Stage.UPSTREAM, LocalDate.of(2026, 6, 16))));
        await().atMost(DigestFlows.PATIENCE).until(sender::isIdle);
        relay.cut(); // no pooled connection survives: the run opens fresh ones
        relay.restore();
        relay.silenceNext(2); // two connections accepted and then never greeted
        try {
            long started = System.nanoTime();
            assertThat(DigestFlows.sendIssue(SILENT_WEEK).statusCode()).isEqualTo(202);
            DigestFlows.awaitIssueSent(SILENT_WEEK);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            // two silent connections, each given up at the bound, then everything on a third
            assertThat(took).isGreaterThanOrEqualTo(smtp.timeout().multipliedBy(2))
                    .isLessThan(smtp.timeout().multipliedBy(4));
        } finally {
            relay.restore();
        }
        assertThat(Mails.digests(greenMail, DEFAULT_SILENT_READER, SILENT_WEEK)).hasSize(1);
        // only the accepted attempt counts: the relay's silence said nothing about the recipient
        assertThat(rows(SILENT_WEEK)).allSatisfy(row -> {
            assertThat(row.status).isEqualTo(Delivery.Status.SENT);
            assertThat(row.attempts).isEqualTo(1);
        });
    }

    private static List<Delivery> rows() {
        return rows(WEEK);
    }

    private static List<Delivery> rows(String week) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list("id.week", week));
    }

    private static Issue.Status issueStatus() {
        return QuarkusTransaction.requiringNew().call(() -> Issue.<Issue>findById(WEEK).status);
    }
}
