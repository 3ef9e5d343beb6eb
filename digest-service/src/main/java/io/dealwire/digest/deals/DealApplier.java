package io.dealwire.digest.deals;

import io.dealwire.contract.DealEvent;
import io.dealwire.contract.DealJson;
import io.dealwire.contract.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Applies one deal event in one transaction. Idempotent: the event equal to the deal's last applied
 * one is dropped, and since a partition delivers a deal's events in order, a redelivered older
 * event is followed by its successors again, so the deal always ends at its latest state.
 */
@ApplicationScoped
public class DealApplier {

    public enum Outcome { APPLIED, DUPLICATE }

    @Transactional
    public Outcome apply(DealEvent event) {
        DigestDeal deal = DigestDeal.findById(event.dealId());
        if (deal != null && deal.lastEventId.equals(event.eventId())) {
            return Outcome.DUPLICATE;
        }
        if (deal == null) {
            deal = new DigestDeal();
            deal.dealId = event.dealId();
            deal.partnerId = event.partnerId();
            deal.externalId = event.externalId();
        }
        deal.lastEventId = event.eventId();
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
}
