package io.dealwire.digest.deals;

import io.dealwire.contract.DealEvent;
import io.dealwire.contract.DealJson;
import io.dealwire.contract.DealJsonException;
import io.dealwire.contract.consume.DatabaseOutage;
import io.dealwire.contract.consume.PoisonRecordException;
import io.dealwire.contract.consume.RootCause;
import io.dealwire.digest.config.DigestConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Keeps the digest's copy of the deals from {@code dealwire.deals.v1} (group {@code digest}).
 * Acknowledgement is explicit: an applied record is acked; a poison record is nacked, which SmallRye's
 * {@code dead-letter-queue} strategy sends to the dead-letter topic; a database outage is waited out
 * here ({@link DatabaseOutage} decides), retrying the same record. If that wait is interrupted (the app is stopping), the record is
 * neither acked nor nacked: it is not dead-lettered, its offset is not committed, and the next start
 * reads it again.
 */
@ApplicationScoped
public class DealEventConsumer {

    /** Channel of {@code dealwire.deals.v1}, configured in application.properties. */
    public static final String CHANNEL = "deals";

    /** Counter of database-outage retries ({@code dealwire_digest_consumer_retries_total}). */
    public static final String RETRIES = "dealwire.digest.consumer.retries";

    private static final Logger LOG = Logger.getLogger(DealEventConsumer.class);

    @Inject
    DealApplier applier;

    @Inject
    Validator validator;

    @Inject
    DigestConfig config;

    @Inject
    MeterRegistry registry;

    private Counter retries;

    /** Since when the record in hand has been waiting for the database; null while records move. */
    private volatile Instant waitingSince;

    @PostConstruct
    void init() {
        retries = registry.counter(RETRIES);
    }

    @Incoming(CHANNEL)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> consume(Message<String> message) {
        // Plain blocking work (JDBC, back-off sleeps) on a worker thread; SmallRye hands the records of
        // a Uni-returning method over one at a time, so partition order holds. (@Blocking cannot be
        // combined with the explicit acknowledgement this needs.)
        return Uni.createFrom().item(() -> handle(message))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(signal -> Uni.createFrom().completionStage(signal));
    }

    /** Applies one record and says what to tell SmallRye: ack, nack (poison), or nothing (stopping). */
    CompletionStage<Void> handle(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow();
        try {
            DealEvent event = parse(record, message.getPayload());
            applyWaitingOutOutages(event, record);
        } catch (PoisonRecordException e) {
            return message.nack(e);
        } catch (InterruptedException e) {
            // stopping: neither ack (no commit past an unapplied record) nor nack (an outage is no poison)
            Thread.currentThread().interrupt();
            LOG.infof("Stopped while waiting for the database; offset %d of partition %d is read again on restart",
                    record.getOffset(), record.getPartition());
            return CompletableFuture.completedFuture(null);
        }
        return message.ack();
    }

    private void applyWaitingOutOutages(DealEvent event, IncomingKafkaRecordMetadata<?, ?> record)
            throws InterruptedException {
        Duration backoff = config.digest().consumer().initialBackoff();
        try {
            while (true) {
                try {
                    applier.apply(event, record.getPartition(), record.getOffset());
                    return;
                } catch (RuntimeException e) {
                    if (!DatabaseOutage.isOutage(e)) {
                        throw PoisonRecordException.cannotBeApplied(e);
                    }
                    if (waitingSince == null) {
                        waitingSince = Instant.now();
                    }
                    LOG.warnf("Database unavailable applying event %s of deal %s; retrying in %s: %s",
                            event.eventId(), event.dealId(), backoff, RootCause.of(e));
                    retries.increment();
                    Thread.sleep(backoff.toMillis());
                    backoff = min(backoff.multipliedBy(2), config.digest().consumer().maxBackoff());
                }
            }
        } finally {
            waitingSince = null;
        }
    }

    /** Since when the consumer has been waiting out the database, if it is. */
    public Optional<Instant> waitingSince() {
        return Optional.ofNullable(waitingSince);
    }

    private DealEvent parse(IncomingKafkaRecordMetadata<?, ?> record, String value) {
        if (value == null) {
            throw new PoisonRecordException("empty value (tombstone)", null);
        }
        DealEvent event;
        try {
            event = DealJson.readEvent(value);
        } catch (DealJsonException e) {
            String at = e.path().isEmpty() ? "" : e.path() + ": ";
            throw new PoisonRecordException("unreadable deal event: " + at + e.reason(), e);
        }
        Set<ConstraintViolation<DealEvent>> violations = validator.validate(event);
        if (!violations.isEmpty()) {
            String reasons = violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.joining("; "));
            throw new PoisonRecordException("invalid deal event: " + reasons, null);
        }
        Object key = record.getKey();
        if (key != null && !key.equals(event.dealId().toString())) {
            throw new PoisonRecordException("record key " + key + " is not the event's dealId", null);
        }
        return event;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
