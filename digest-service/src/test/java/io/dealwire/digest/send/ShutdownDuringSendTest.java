package io.dealwire.digest.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dealwire.contract.Stage;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The service stops while an issue is being sent (its own app start: the sender stays stopped
 * afterwards). The run ends after the mails in flight, each recorded as SENT, none left SENDING; the
 * rest wait for the next start; the log says so at INFO and warns of nothing. Week 2026-W48.
 */
@QuarkusTest
@TestProfile(ShutdownDuringSendTest.StoppedSender.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
@WithTestResource(GreenMailResource.class)
class ShutdownDuringSendTest {

    private static final String WEEK = "2026-W48";
    private static final List<String> READERS = IntStream.rangeClosed(1, 40)
            .mapToObj(i -> "stopping-%02d@example.org".formatted(i)).toList();

    public static class StoppedSender implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dealwire.digest.concurrency", "2");
        }
    }

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @InjectGreenMail
    TcpProxy relay;

    @Inject
    DigestSender sender;

    @Test
    void shouldEndTheRunQuietlyAfterTheMailsInFlightWhenTheServiceStops() throws InterruptedException {
        READERS.forEach(DigestFlows::confirmedSubscriber);
        DigestFlows.awaitApplied(DigestFlows.submit(kafka,
                SeedDeals.deal("stopping-deal", "Deal sent while stopping", Stage.UPSTREAM, LocalDate.of(2026, 11, 24))));
        await().atMost(DigestFlows.PATIENCE).until(sender::isIdle);
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger digestLog = Logger.getLogger("io.dealwire.digest");
        digestLog.addHandler(capture);
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer()) {
            relay.cut(); // no pooled connection to GreenMail survives
            relay.restore();
            smtp.delayEndOfData(Duration.ofMillis(100)); // slow enough to stop mid-issue
            relay.divertTo(smtp.port());
            try {
                assertThat(DigestFlows.sendIssue(WEEK).statusCode()).isEqualTo(202);
                await().atMost(DigestFlows.PATIENCE).until(() -> received(smtp) >= 3);
                sender.stop(null); // what Quarkus does on SIGTERM, before any bean is destroyed
            } finally {
                relay.undivert();
                digestLog.removeHandler(capture);
            }

            assertThat(sender.isIdle()).as("the run is over once stop() returns").isTrue();
            List<Delivery> rows = QuarkusTransaction.requiringNew().call(() -> Delivery.list("id.week", WEEK));
            long sent = rows.stream().filter(d -> d.status == Delivery.Status.SENT).count();
            assertThat(sent).as("every mail the relay accepted is recorded, so none is sent again")
                    .isEqualTo(received(smtp)).isLessThan(READERS.size());
            assertThat(rows).as("nothing left half-sent").noneMatch(d -> d.status == Delivery.Status.SENDING);
        }
        assertThat(logged).filteredOn(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .extracting(LogRecord::getMessage).isEmpty();
        assertThat(logged).filteredOn(r -> r.getLevel().intValue() == Level.INFO.intValue()).extracting(LogRecord::getMessage)
                .anyMatch(message -> message.startsWith("Send run ended by the shutdown"));
    }

    private static long received(ScriptedSmtpServer smtp) {
        return READERS.stream().mapToLong(reader -> smtp.receivedBy(reader).size()).sum();
    }
}
