package io.dealwire.digest.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.dealwire.contract.Stage;
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
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The sender stops between two messages (as if killed) with the next row already SENDING, then
 * resumes as at startup: every subscriber ends with exactly one mail. Week 2026-W18.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
@WithTestResource(GreenMailResource.class)
class CrashResumeTest {

    private static final String WEEK = "2026-W18";
    private static final List<String> DEFAULT_READERS = IntStream.rangeClosed(1, 5)
            .mapToObj(i -> "crash-" + i + "@example.org").toList();

    @InjectGreenMail
    GreenMail greenMail;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    DigestSender sender;

    @Test
    void shouldGiveEverySubscriberExactlyOneMailWhenTheSenderStopsMidIssueAndResumes() {
        DEFAULT_READERS.forEach(CrashResumeTest::confirmedSubscriber);
        DigestFlows.awaitApplied(DigestFlows.submit(kafka,
                SeedDeals.deal("crash-deal", "Deal sent through a crash", Stage.UPSTREAM, LocalDate.of(2026, 4, 28))));
        await().atMost(DigestFlows.PATIENCE).until(sender::isIdle);

        sender.stopAfter(2);
        assertThat(DigestFlows.sendIssue(WEEK).statusCode()).isEqualTo(202);
        await().atMost(DigestFlows.PATIENCE).until(() -> count(Delivery.Status.SENT) == 2 && sender.isIdle());
        assertThat(Mails.digestsOfWeek(greenMail, WEEK)).hasSize(2);
        long recipients = QuarkusTransaction.requiringNew().call(() -> Delivery.count("id.week", WEEK));
        assertThat(recipients).isGreaterThanOrEqualTo(DEFAULT_READERS.size());

        // the run stopped after the commit that marked the second mail SENT and claimed the third: the
        // crash state is that one row in flight, SENDING, and nothing else open was touched
        assertThat(count(Delivery.Status.SENDING)).isEqualTo(1);

        sender.trigger(); // what startup and the periodic poll do
        DigestFlows.awaitIssueSent(WEEK);

        List<MimeMessage> mails = Mails.digestsOfWeek(greenMail, WEEK);
        Map<String, Long> perRecipient = mails.stream()
                .collect(Collectors.groupingBy(Mails::recipient, Collectors.counting()));
        assertThat(perRecipient).hasSize((int) recipients);
        assertThat(perRecipient.values()).allMatch(n -> n == 1);
        assertThat(perRecipient.keySet()).containsAll(DEFAULT_READERS);
        assertThat(count(Delivery.Status.SENT)).isEqualTo(recipients);
        // the Message-ID is the ledger's, stable per (issue, subscriber)
        Map<String, MimeMessage> byRecipient = mails.stream()
                .collect(Collectors.toMap(Mails::recipient, Function.identity()));
        for (String reader : DEFAULT_READERS) {
            assertThat(Mails.messageId(byRecipient.get(reader)))
                    .isEqualTo("<" + WEEK + "." + DigestFlows.subscriberId(reader) + "@dealwire>");
            // rendered once for all of them, each mail carries its own reader's unsubscribe link
            String token = DigestFlows.unsubscribeTokenOf(reader);
            assertThat(Mails.unsubscribeToken(byRecipient.get(reader))).isEqualTo(token);
            assertThat(Mails.part(byRecipient.get(reader), "text/plain").orElseThrow())
                    .contains("/unsubscribe/" + token);
            assertThat(Mails.part(byRecipient.get(reader), "text/html").orElseThrow())
                    .contains("/unsubscribe/" + token);
        }
    }

    private static long count(Delivery.Status status) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.count("id.week = ?1 and status = ?2", WEEK, status));
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
