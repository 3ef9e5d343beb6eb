package io.dealwire.catalog.consume;

import io.dealwire.contract.DealEvent;
import io.dealwire.contract.DealIds;
import io.dealwire.contract.DealJson;
import io.dealwire.contract.DealJsonException;
import io.dealwire.contract.consume.PoisonRecordException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns a record of {@code dealwire.deals.v1} into a {@link ReceivedEvent}, or says why it never
 * can: everything checked here is a property of the record alone, so retrying would not help.
 */
@ApplicationScoped
public class EventReader {

    private final Validator validator;

    public EventReader(Validator validator) {
        this.validator = validator;
    }

    public ReceivedEvent read(ConsumerRecord<String, String> record) {
        return read(record, readValue(record.value()));
    }

    /** The event of a record whose value was already read (by {@link DealEventDeserializer}). */
    public ReceivedEvent read(ConsumerRecord<String, ?> record, ReadValue value) {
        if (value.poison() != null) {
            throw value.poison();
        }
        DealEvent event = value.event();
        // the key decides the partition, and so the order of a deal's events
        if (!event.dealId().toString().equals(record.key())) {
            throw new PoisonRecordException("record key " + record.key() + " is not the event's dealId");
        }
        return new ReceivedEvent(event, record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()));
    }

    /** Parses and checks a record value on its own; never throws, a poison value carries its reason. */
    public ReadValue readValue(String value) {
        try {
            return ReadValue.event(value, check(value));
        } catch (PoisonRecordException poison) {
            return ReadValue.poison(value, poison);
        }
    }

    private DealEvent check(String value) {
        if (value == null) {
            throw new PoisonRecordException("empty record value (tombstone)");
        }
        DealEvent event;
        try {
            event = DealJson.readEvent(value);
        } catch (DealJsonException e) {
            String where = e.path().isEmpty() ? "" : e.path() + ": ";
            throw new PoisonRecordException("unreadable event: " + where + e.reason(), e);
        }
        Set<ConstraintViolation<DealEvent>> violations = validator.validate(event);
        if (!violations.isEmpty()) {
            throw new PoisonRecordException("invalid event: " + describe(violations));
        }
        if (!event.dealId().equals(DealIds.dealId(event.partnerId(), event.externalId()))) {
            throw new PoisonRecordException("invalid event: dealId does not belong to (partnerId, externalId)");
        }
        return event;
    }

    private static String describe(Set<ConstraintViolation<DealEvent>> violations) {
        return violations.stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage())
                .sorted(Comparator.naturalOrder())
                .collect(Collectors.joining("; "));
    }
}
