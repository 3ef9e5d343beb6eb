package io.dealwire.catalog.deal;

import io.dealwire.contract.Deal;
import io.dealwire.contract.DealJson;
import java.time.Instant;
import java.util.UUID;

/** One applied event of a deal; {@code deal} is absent for a withdrawal. */
public record RevisionView(int revision, UUID eventId, String type, Instant occurredAt, Instant receivedAt, Deal deal) {

    public static RevisionView of(DealRevisionEntity entity) {
        return new RevisionView(entity.revision, entity.eventId, entity.type, entity.occurredAt, entity.receivedAt,
                entity.deal == null ? null : DealJson.readDeal(entity.deal));
    }
}
