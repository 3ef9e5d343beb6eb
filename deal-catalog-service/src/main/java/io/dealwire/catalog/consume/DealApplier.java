package io.dealwire.catalog.consume;

import io.dealwire.catalog.deal.DealEntity;
import io.dealwire.catalog.deal.DealRevisionEntity;
import io.dealwire.catalog.deal.DealStatus;
import io.dealwire.contract.DealEvent;
import io.dealwire.contract.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies valid events, in order, in one transaction: all of a batch or nothing, so a failed
 * attempt can simply be repeated. The deals of the batch that exist are loaded with one query,
 * the events are applied to them in memory, and each touched deal's final row and every revision
 * are written at the end as JDBC batches ({@link DealRows}).
 */
@ApplicationScoped
public class DealApplier {

    private static final Logger LOG = Logger.getLogger(DealApplier.class);

    private enum Outcome { APPLIED, DUPLICATE }

    private final DealRows rows;

    public DealApplier(DealRows rows) {
        this.rows = rows;
    }

    @Transactional
    public ApplyResult apply(List<ReceivedEvent> events) {
        Map<UUID, TouchedDeal> loaded = rows.load(events.stream().map(e -> e.event().dealId()).distinct().toList());
        Map<UUID, TouchedDeal> touched = new LinkedHashMap<>();
        List<DealRevisionEntity> revisions = new ArrayList<>(events.size());
        int applied = 0;
        int duplicates = 0;
        for (ReceivedEvent received : events) {
            switch (applyOne(loaded, touched, revisions, received)) {
                case APPLIED -> applied++;
                case DUPLICATE -> duplicates++;
            }
        }
        rows.write(touched.values(), revisions);
        return new ApplyResult(applied, duplicates);
    }

    private Outcome applyOne(Map<UUID, TouchedDeal> known, Map<UUID, TouchedDeal> touched,
            List<DealRevisionEntity> revisions, ReceivedEvent received) {
        DealEvent event = received.event();
        TouchedDeal current = known.get(event.dealId());
        if (current != null && isDuplicate(current.row, received)) {
            return Outcome.DUPLICATE;
        }
        if (current == null) {
            current = new TouchedDeal(newDeal(received), false);
            known.put(event.dealId(), current);
        }
        DealEntity deal = current.row;
        if (event.type() == EventType.WITHDRAWN) {
            if (!current.existed && deal.revision == 0) {
                // after compaction the withdrawal may be all that is left of a deal: keep its ids
                LOG.infof("Withdrawal %s of deal %s not seen before: kept without content", event.eventId(),
                        event.dealId());
            }
            deal.status = DealStatus.WITHDRAWN;
        } else {
            deal.status = DealStatus.ACTIVE;
            deal.setContent(event.deal());
            current.contentChanged = true;
        }
        deal.revision++;
        deal.lastEventId = event.eventId();
        deal.lastPartition = received.partition();
        deal.lastOffset = received.offset();
        deal.updatedAt = received.receivedAt();
        touched.put(deal.dealId, current);
        revisions.add(revision(deal, received));
        return Outcome.APPLIED;
    }

    /** A deal first seen now: ids and received time, no content yet (a withdrawal leaves it so). */
    private static DealEntity newDeal(ReceivedEvent received) {
        DealEvent event = received.event();
        DealEntity deal = DealEntity.withdrawnWithoutContent(event.dealId(), event.partnerId(), event.externalId());
        deal.firstReceivedAt = received.receivedAt();
        return deal;
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

    private static DealRevisionEntity revision(DealEntity deal, ReceivedEvent received) {
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
        // a submission's deal was just written into the deal row: the same JSON, not serialised twice
        revision.deal = event.deal() == null ? null : deal.deal;
        return revision;
    }
}
