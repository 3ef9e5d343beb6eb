package io.dealwire.digest.deals;

import io.dealwire.contract.DealEvent;
import io.dealwire.contract.DealJson;
import io.dealwire.contract.DealJsonException;
import io.dealwire.digest.config.DigestConfig;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the digest's copy of the deals from {@code dealwire.deals.v1} (group {@code digest}).
 * Poison records are thrown out to the dead-letter topic by SmallRye; a database outage is waited
 * out here, retrying the same record, so nothing is dead-lettered and no later offset is committed.
 */
@ApplicationScoped
public class DealEventConsumer {

    /** Channel of {@code dealwire.deals.v1}, configured in application.properties. */
    public static final String CHANNEL = "deals";

    private static final Logger LOG = Logger.getLogger(DealEventConsumer.class);

    @Inject
    DealApplier applier;

    @Inject
    Validator validator;

    @Inject
    DigestConfig config;

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
        DealEvent event = parse(record);
        Duration backoff = config.digest().consumer().initialBackoff();
        while (true) {
            try {
                applier.apply(event);
                return;
            } catch (RuntimeException e) {
                if (!DatabaseOutage.isOutage(e)) {
                    throw new PoisonRecordException("cannot be applied: " + e.getMessage(), e);
                }
                LOG.warnf("Database unavailable applying event %s of deal %s; retrying in %s: %s",
                        event.eventId(), event.dealId(), backoff, e.getMessage());
                Thread.sleep(backoff.toMillis());
                backoff = min(backoff.multipliedBy(2), config.digest().consumer().maxBackoff());
            }
        }
    }

    private DealEvent parse(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new PoisonRecordException("empty value (tombstone)", null);
        }
        DealEvent event;
        try {
            event = DealJson.readEvent(record.value());
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
        if (record.key() != null && !record.key().equals(event.dealId().toString())) {
            throw new PoisonRecordException("record key " + record.key() + " is not the event's dealId", null);
        }
        return event;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
