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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The sender is killed mid-issue at either point a kill can hit a message (see {@link CrashingLedger}),
 * then resumes as at startup: no subscriber skipped, at most the one message in flight sent twice.
 * Weeks 2026-W20 and W21.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
@WithTestResource(GreenMailResource.class)
class CrashResumeTest {

    private static final List<String> DEFAULT_READERS = IntStream.rangeClosed(1, 5)
            .mapToObj(i -> "crash-" + i + "@example.org").toList();

    @InjectGreenMail
    GreenMail greenMail;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    DigestSender sender;

    @Inject
    CrashingLedger ledger;

    @Test
    void shouldGiveEverySubscriberExactlyOneMailWhenKilledBetweenTwoMessages() {
        String week = "2026-W20";
        List<MimeMessage> beforeKill = sendUntilKilled(week, LocalDate.of(2026, 5, 12), CrashingLedger.Point.AFTER_SENT_COMMIT);
        assertThat(beforeKill).hasSize(2);
        // the kill hit after the commit that marked the second mail SENT and claimed the third: one row
        // in flight, SENDING, not yet mailed
        assertThat(count(week, Delivery.Status.SENT)).isEqualTo(2);
        assertThat(count(week, Delivery.Status.SENDING)).isEqualTo(1);

        Map<String, Long> perRecipient = resume(week);
        assertThat(perRecipient.values()).allMatch(n -> n == 1);
    }

    @Test
    void shouldSendOnlyTheMessageInFlightTwiceWhenKilledBeforeItsSentCommit() {
        String week = "2026-W21";
        List<MimeMessage> beforeKill = sendUntilKilled(week, LocalDate.of(2026, 5, 19), CrashingLedger.Point.BEFORE_SENT_COMMIT);
        // the second mail was accepted by the server, but its SENT never committed
        assertThat(beforeKill).hasSize(2);
        assertThat(count(week, Delivery.Status.SENT)).isEqualTo(1);
        assertThat(count(week, Delivery.Status.SENDING)).isEqualTo(1);
        String inFlight = QuarkusTransaction.requiringNew().call(() -> Subscriber.<Subscriber>findById(
                Delivery.<Delivery>find("id.week = ?1 and status = ?2", week, Delivery.Status.SENDING).firstResult()
                        .id.subscriberId()).email);
        assertThat(beforeKill).extracting(Mails::recipient).contains(inFlight);

        Map<String, Long> perRecipient = resume(week);
        assertThat(perRecipient).containsEntry(inFlight, 2L);
        perRecipient.remove(inFlight);
        assertThat(perRecipient.values()).allMatch(n -> n == 1);
    }

    /** Sends the week with one deal, killing the run at {@code point} of its second mail. */
    private List<MimeMessage> sendUntilKilled(String week, LocalDate reportedOn, CrashingLedger.Point point) {
        DEFAULT_READERS.forEach(DigestFlows::confirmedSubscriber);
        DigestFlows.awaitApplied(DigestFlows.submit(kafka,
                SeedDeals.deal("crash-deal-" + week, "Deal sent through a crash", Stage.UPSTREAM, reportedOn)));
        await().atMost(DigestFlows.PATIENCE).until(sender::isIdle);

        ledger.killAt(2, point);
        assertThat(DigestFlows.sendIssue(week).statusCode()).isEqualTo(202);
        await().atMost(DigestFlows.PATIENCE).until(() -> count(week, Delivery.Status.SENDING) == 1 && sender.isIdle());
        assertThat(QuarkusTransaction.requiringNew().call(() -> Delivery.count("id.week", week)))
                .isGreaterThanOrEqualTo(DEFAULT_READERS.size());
        return Mails.digestsOfWeek(greenMail, week);
    }

    /** Resumes as startup and the periodic poll do; every ledger row ends SENT, each reader has a mail. */
    private Map<String, Long> resume(String week) {
        sender.trigger();
        DigestFlows.awaitIssueSent(week);

        long recipients = QuarkusTransaction.requiringNew().call(() -> Delivery.count("id.week", week));
        assertThat(count(week, Delivery.Status.SENT)).isEqualTo(recipients);
        List<MimeMessage> mails = Mails.digestsOfWeek(greenMail, week);
        Map<String, Long> perRecipient = mails.stream()
                .collect(Collectors.groupingBy(Mails::recipient, Collectors.counting()));
        assertThat(perRecipient).hasSize((int) recipients);
        assertThat(perRecipient.keySet()).containsAll(DEFAULT_READERS);
        Map<String, MimeMessage> byRecipient = mails.stream()
                .collect(Collectors.toMap(Mails::recipient, Function.identity(), (first, again) -> first));
        for (String reader : DEFAULT_READERS) {
            MimeMessage mail = byRecipient.get(reader);
            // the Message-ID is the ledger's, stable per (issue, subscriber)
            assertThat(Mails.messageId(mail))
                    .isEqualTo("<" + week + "." + DigestFlows.subscriberId(reader) + "@dealwire>");
            // rendered once for all of them, each mail carries its own reader's unsubscribe link
            String token = DigestFlows.unsubscribeTokenOf(reader);
            assertThat(Mails.unsubscribeToken(mail)).isEqualTo(token);
            assertThat(Mails.part(mail, "text/plain").orElseThrow()).contains("/unsubscribe/" + token);
            assertThat(Mails.part(mail, "text/html").orElseThrow()).contains("/unsubscribe/" + token);
        }
        return new java.util.HashMap<>(perRecipient);
    }

    private static long count(String week, Delivery.Status status) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.count("id.week = ?1 and status = ?2", week, status));
    }
}
