package io.dealwire.digest.deals;

import io.dealwire.contract.DealEvent;
import io.dealwire.contract.DealJson;
import io.dealwire.contract.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Applies one deal event in one transaction. Idempotent like the catalog's applier: a record at or
 * below the position (partition, offset) of the deal's last applied event is a redelivery and is
 * dropped (so a replay after a rebalance or crash never brings a withdrawn deal back), and so is a
 * resubmission of the very event last applied.
 */
@ApplicationScoped
public class DealApplier {

    public enum Outcome { APPLIED, DUPLICATE }

    @Transactional
    public Outcome apply(DealEvent event, int partition, long offset) {
        DigestDeal deal = DigestDeal.findById(event.dealId());
        if (deal != null && isDuplicate(deal, event, partition, offset)) {
            return Outcome.DUPLICATE;
        }
        if (deal == null) {
            deal = new DigestDeal();
            deal.dealId = event.dealId();
            deal.partnerId = event.partnerId();
            deal.externalId = event.externalId();
        }
        deal.lastEventId = event.eventId();
        deal.lastPartition = partition;
        deal.lastOffset = offset;
        deal.occurredAt = event.occurredAt();
        deal.updatedAt = Instant.now();
        if (event.type() == EventType.SUBMITTED) {
            deal.status = DigestDeal.Status.ACTIVE;
            deal.content = DealJson.write(event.deal());
            deal.reportedOn = event.deal().reportedOn();
        } else {
            deal.status = DigestDeal.Status.WITHDRAWN;
        }
        deal.persist();
        return Outcome.APPLIED;
    }

    /**
     * A redelivery (at or before the last applied position in the deal's partition) or the event last
     * applied coming again. An older event id at a later offset is new: submitting A, B, then A again
     * is a real change back to A.
     */
    private static boolean isDuplicate(DigestDeal deal, DealEvent event, int partition, long offset) {
        boolean redelivered = deal.lastPartition != null && deal.lastPartition == partition
                && offset <= deal.lastOffset;
        return redelivered || deal.lastEventId.equals(event.eventId());
    }
}
