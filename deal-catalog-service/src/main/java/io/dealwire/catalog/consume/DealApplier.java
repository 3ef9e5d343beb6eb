package io.dealwire.catalog.consume;

import io.dealwire.catalog.deal.DealEntity;
import io.dealwire.catalog.deal.DealRevisionEntity;
import io.dealwire.catalog.deal.DealStatus;
import io.dealwire.contract.DealEvent;
import io.dealwire.contract.DealJson;
import io.dealwire.contract.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Applies valid events, in order, in one transaction: all of a batch or nothing, so a failed
 * attempt can simply be repeated. Rows are loaded with one query and written by Hibernate as JDBC
 * batches at commit.
 */
@ApplicationScoped
public class DealApplier {

    private static final Logger LOG = Logger.getLogger(DealApplier.class);

    private enum Outcome { APPLIED, DUPLICATE }

    @Transactional
    public ApplyResult apply(List<ReceivedEvent> events) {
        Map<UUID, DealEntity> deals = DealEntity.findAllById(
                events.stream().map(e -> e.event().dealId()).collect(Collectors.toSet()));
        int applied = 0;
        int duplicates = 0;
        for (ReceivedEvent received : events) {
            switch (applyOne(deals, received)) {
                case APPLIED -> applied++;
                case DUPLICATE -> duplicates++;
            }
        }
        return new ApplyResult(applied, duplicates);
    }

    private Outcome applyOne(Map<UUID, DealEntity> deals, ReceivedEvent received) {
        DealEvent event = received.event();
        DealEntity deal = deals.get(event.dealId());
        if (deal != null && isDuplicate(deal, received)) {
            return Outcome.DUPLICATE;
        }
        if (event.type() == EventType.WITHDRAWN) {
            if (deal == null) {
                // after compaction the withdrawal may be all that is left of a deal: keep its ids
                LOG.infof("Withdrawal %s of deal %s not seen before: kept without content", event.eventId(),
                        event.dealId());
                deal = DealEntity.withdrawnWithoutContent(event.dealId(), event.partnerId(), event.externalId());
                deal.firstReceivedAt = received.receivedAt();
            }
            deal.status = DealStatus.WITHDRAWN;
        } else if (deal == null) {
            deal = new DealEntity();
            deal.dealId = event.dealId();
            deal.partnerId = event.partnerId();
            deal.externalId = event.externalId();
            deal.firstReceivedAt = received.receivedAt();
        }
        if (event.type() == EventType.SUBMITTED) {
            deal.status = DealStatus.ACTIVE;
            deal.setContent(event.deal());
        }
        deal.revision++;
        deal.lastEventId = event.eventId();
        deal.lastPartition = received.partition();
        deal.lastOffset = received.offset();
        deal.updatedAt = received.receivedAt();
        if (!deal.isPersistent()) {
            // persisted complete: the INSERT is built from the state at persist time
            deal.persist();
            deals.put(deal.dealId, deal);
        }
        addRevision(deal, received);
        return Outcome.APPLIED;
    }

    /**
     * A redelivery (at or before the last applied position of the deal's partition) or a
     * resubmission identical to the last applied one. An older event id coming back later is new:
     * submitting A, B, then A again is a real change back to A.
     */
    private static boolean isDuplicate(DealEntity deal, ReceivedEvent received) {
        boolean redelivered = deal.lastPartition == received.partition() && received.offset() <= deal.lastOffset;
        return redelivered || deal.lastEventId.equals(received.event().eventId());
    }

    private static void addRevision(DealEntity deal, ReceivedEvent received) {
        DealEvent event = received.event();
        DealRevisionEntity revision = new DealRevisionEntity();
        revision.dealId = deal.dealId;
        revision.revision = deal.revision;
        revision.eventId = event.eventId();
        revision.type = event.type().json();
        revision.occurredAt = event.occurredAt();
        revision.receivedAt = received.receivedAt();
        revision.sourcePartition = received.partition();
        revision.sourceOffset = received.offset();
        revision.deal = event.deal() == null ? null : DealJson.write(event.deal());
        revision.persist();
    }
}
