package io.dealwire.digest.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dealwire.contract.DealEvent;
import io.dealwire.contract.DealJson;
import io.dealwire.contract.Stage;
import io.dealwire.contract.Topics;
import io.dealwire.digest.config.DigestConfig;
import io.dealwire.digest.support.SeedDeals;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Validation;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * What the consumer tells SmallRye about a record while the database is down and the app stops
 * (single-class unit test: an applier that always meets an outage, a message recording ack/nack).
 * The real outage, broker and dead-letter topic are in {@link DealConsumerTest}.
 */
class DealEventConsumerTest {

    private static final DealEvent DEFAULT_EVENT = DealEvent.submitted(SeedDeals.DEFAULT_PARTNER,
            SeedDeals.deal("unit-outage", "Deal during an outage", Stage.UPSTREAM, LocalDate.of(2026, 7, 21)),
            Instant.parse("2026-07-21T10:00:00Z"));

    private final List<String> signals = new CopyOnWriteArrayList<>();

    @Test
    void shouldNeitherAckNorNackARecordWhoseOutageRetryIsInterrupted() throws Exception {
        DealEventConsumer consumer = consumer();
        Thread worker = new Thread(() -> signals.add("returned " + consumer.handle(message()).toCompletableFuture().isDone()));
        worker.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.registry.counter(DealEventConsumer.RETRIES).count() >= 1);

        assertThat(consumer.waitingSince()).isPresent(); // what readiness reports

        worker.interrupt(); // what stopping the app does to the blocking worker
        worker.join(30_000);

        assertThat(worker.isAlive()).isFalse();
        // not acked: no commit past it; not nacked: not dead-lettered; and the channel is not held up
        assertThat(signals).containsExactly("returned true");
        assertThat(consumer.waitingSince()).isEmpty();
    }

    private Message<String> message() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.DEALS, 0, 42L,
                DEFAULT_EVENT.dealId().toString(), DealJson.write(DEFAULT_EVENT));
        return Message.of(record.value(), Metadata.of(new IncomingKafkaRecordMetadata<>(record, DealEventConsumer.CHANNEL)),
                () -> {
                    signals.add("ack");
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    signals.add("nack");
                    return CompletableFuture.completedFuture(null);
                });
    }

    private static DealEventConsumer consumer() {
        DealEventConsumer consumer = new DealEventConsumer();
        consumer.applier = new DealApplier() {
            @Override
            public Outcome apply(DealEvent event, int partition, long offset) {
                throw new PersistenceException(new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
            }
        };
        consumer.validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        consumer.config = config();
        consumer.registry = new SimpleMeterRegistry();
        consumer.init();
        return consumer;
    }

    private static DigestConfig config() {
        DigestConfig.Consumer backoff = new DigestConfig.Consumer() {
            public Duration initialBackoff() {
                return Duration.ofMinutes(5); // far longer than the test: only the interrupt ends the wait
            }

            public Duration maxBackoff() {
                return Duration.ofMinutes(5);
            }

            public Duration unhealthyAfter() {
                return Duration.ofMinutes(5);
            }
        };
        DigestConfig.Digest digest = (DigestConfig.Digest) java.lang.reflect.Proxy.newProxyInstance(
                DigestConfig.class.getClassLoader(), new Class<?>[] {DigestConfig.Digest.class},
                (proxy, method, args) -> method.getName().equals("consumer") ? backoff : null);
        return (DigestConfig) java.lang.reflect.Proxy.newProxyInstance(DigestConfig.class.getClassLoader(),
                new Class<?>[] {DigestConfig.class}, (proxy, method, args) -> method.getName().equals("digest") ? digest : null);
    }
}
