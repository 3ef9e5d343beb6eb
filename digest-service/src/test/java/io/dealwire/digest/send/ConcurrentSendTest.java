package io.dealwire.digest.send;

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
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Four mails in flight (its own app start: the module's other tests send one at a time): an issue to
 * 200 readers through a relay slower than the rate's interval gives each exactly one mail over two to
 * four SMTP connections at once, and the rate limit holds across the lanes, measured from the
 * ledger's {@code sent_at} against the configured rate.
 * Week 2026-W44.
 */
@QuarkusTest
@TestProfile(ConcurrentSendTest.FourLanes.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
@WithTestResource(GreenMailResource.class)
class ConcurrentSendTest {

    static final int LANES = 4;
    static final double RATE = 100;
    private static final String WEEK = "2026-W44";
    private static final List<String> READERS = IntStream.rangeClosed(1, 200)
            .mapToObj(i -> "lane-%03d@example.org".formatted(i)).toList();

    public static class FourLanes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dealwire.digest.concurrency", Integer.toString(LANES),
                    "dealwire.digest.rate-per-second", Double.toString(RATE));
        }
    }

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @InjectGreenMail
    TcpProxy relay;

    @Inject
    DigestSender sender;

    @Test
    void shouldGiveEachOf200ReadersOneMailOverFourLanesWithinTheRate() {
        READERS.forEach(DigestFlows::confirmedSubscriber);
        DigestFlows.awaitApplied(DigestFlows.submit(kafka,
                SeedDeals.deal("lanes-deal", "Deal sent on four lanes", Stage.UPSTREAM, LocalDate.of(2026, 10, 27))));
        await().atMost(DigestFlows.PATIENCE).until(sender::isIdle);
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer()) {
            relay.cut(); // no pooled connection to GreenMail survives
            relay.restore();
            // a relay slower than the rate's interval (50 ms a mail, a slot every 10 ms): the lanes overlap
            smtp.delayEndOfData(Duration.ofMillis(50));
            relay.divertTo(smtp.port());
            try {
                assertThat(DigestFlows.sendIssue(WEEK).statusCode()).isEqualTo(202);
                DigestFlows.awaitIssueSent(WEEK);
            } finally {
                relay.undivert();
            }

            for (String reader : READERS) {
                assertThat(smtp.receivedBy(reader)).as(reader).hasSize(1);
            }
            // mails overlapped, each lane on its own connection, reused from mail to mail
            assertThat(smtp.sessions()).isBetween(2, LANES);
        }
        List<Instant> sent = QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list("id.week", WEEK))
                .stream().peek(d -> assertThat(d.status).isEqualTo(Delivery.Status.SENT))
                .map(d -> d.sentAt).sorted(Comparator.naturalOrder()).toList();
        assertThat(sent).hasSize(READERS.size());
        // the limiter spaces every mail 1/rate apart whatever the lane: the ledger's rate cannot exceed it
        double seconds = Duration.between(sent.get(0), sent.get(sent.size() - 1)).toNanos() / 1e9;
        double measured = (sent.size() - 1) / seconds;
        assertThat(measured).isLessThanOrEqualTo(RATE * 1.05);
        QuarkusTransaction.requiringNew().run(() -> Subscriber.update("status = ?1 where email in ?2",
                Subscriber.Status.UNSUBSCRIBED, READERS));
    }
}
