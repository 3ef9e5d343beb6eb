package io.dealwire.catalog.deal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.dealwire.contract.Deal;
import java.time.Instant;
import java.util.UUID;

/**
 * A deal as the API shows it: the partner's fields exactly as sent (unwrapped at the top level),
 * plus the catalog's own.
 */
@JsonPropertyOrder({ "dealId", "partnerId", "status", "revision", "week", "firstReceivedAt", "updatedAt" })
public record DealView(
        UUID dealId,
        String partnerId,
        DealStatus status,
        int revision,
        String week,
        Instant firstReceivedAt,
        Instant updatedAt,
        @JsonUnwrapped Deal deal) {

    public static DealView of(DealEntity entity) {
        return new DealView(entity.dealId, entity.partnerId, entity.status, entity.revision, entity.week,
                entity.firstReceivedAt, entity.updatedAt, entity.content());
    }
}
