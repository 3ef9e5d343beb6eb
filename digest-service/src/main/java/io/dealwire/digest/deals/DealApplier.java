package io.dealwire.digest.deals;

import io.dealwire.contract.DealEvent;
import io.dealwire.contract.DealJson;
import io.dealwire.contract.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Applies one deal event with one SQL statement that cannot go back in time. Idempotent like the
 * catalog's applier: a record at or below the position (partition, offset) of the deal's last applied
 * event is a redelivery and is dropped (so a replay after a rebalance or crash never brings a withdrawn
 * deal back), and so is a resubmission of the very event last applied.
 * <p>
 * The check and the write are one {@code INSERT ... ON CONFLICT (deal_id) DO UPDATE ... WHERE}: the
 * stored row is compared with the event inside the statement, under the row's lock, so two consumers
 * of the same partition (a zombie whose partition was revoked while it held a record, and its
 * successor) cannot interleave a read and a write: the stale one finds the newer row and changes
 * nothing. Two first inserts of the same deal meet in the primary key, and ON CONFLICT turns the second
 * into the guarded update instead of a unique violation (23505), which the consumer would dead-letter.
 * The row count tells the outcome: 1 applied, 0 a duplicate.
 * <p>
 * Positions in different partitions are not compared (the catalog's rule, its {@code DealApplier}):
 * a deal's key keeps it in one partition, which changes only when the topic's partition count is
 * changed; from then on its events arrive in the new partition, whose offsets say nothing about the old
 * one's, so an event there is applied unless it is the event last applied. A row without a position
 * (applied before V2) takes the next event.
 * <p>
 * No entity is loaded here, so the persistence context holds no copy that the statement would leave
 * stale; the query is synchronized with {@link DigestDeal}, so Hibernate flushes pending changes to
 * deals before it and drops only that entity's cached state after it. Readers of {@link DigestDeal}
 * (issues, the desk) load the row as committed.
 */
@ApplicationScoped
public class DealApplier {

    public enum Outcome { APPLIED, DUPLICATE }

    /**
     * Inserts the deal, or updates the stored row unless the event is the one last applied or a
     * redelivery at or below the stored position in the same partition. A withdrawal keeps the content
     * and report date of the last submission; a withdrawal of a deal never seen is stored without them.
     */
    private static final String UPSERT = """
            INSERT INTO deal AS stored (deal_id, partner_id, external_id, status, last_event_id, last_partition,
                                        last_offset, occurred_at, updated_at, reported_on, content)
            VALUES (:dealId, :partnerId, :externalId, :status, :eventId, :partition,
                    :position, :occurredAt, :updatedAt, :reportedOn, CAST(:content AS jsonb))
            ON CONFLICT (deal_id) DO UPDATE SET
                status         = EXCLUDED.status,
                last_event_id  = EXCLUDED.last_event_id,
                last_partition = EXCLUDED.last_partition,
                last_offset    = EXCLUDED.last_offset,
                occurred_at    = EXCLUDED.occurred_at,
                updated_at     = EXCLUDED.updated_at,
                reported_on    = CASE WHEN EXCLUDED.status = 'ACTIVE' THEN EXCLUDED.reported_on ELSE stored.reported_on END,
                content        = CASE WHEN EXCLUDED.status = 'ACTIVE' THEN EXCLUDED.content ELSE stored.content END
            WHERE stored.last_event_id <> EXCLUDED.last_event_id
              AND (stored.last_partition IS DISTINCT FROM EXCLUDED.last_partition
                   OR EXCLUDED.last_offset > stored.last_offset)""";

    @Inject
    EntityManager em;

    @Transactional
    public Outcome apply(DealEvent event, int partition, long offset) {
        boolean submitted = event.type() == EventType.SUBMITTED;
        DigestDeal.Status status = submitted ? DigestDeal.Status.ACTIVE : DigestDeal.Status.WITHDRAWN;
        int written = em.unwrap(Session.class).createNativeQuery(UPSERT)
                .addSynchronizedEntityClass(DigestDeal.class)
                .setParameter("dealId", event.dealId(), UUID.class)
                .setParameter("partnerId", event.partnerId(), String.class)
                .setParameter("externalId", event.externalId(), String.class)
                .setParameter("status", status.name(), String.class)
                .setParameter("eventId", event.eventId(), UUID.class)
                .setParameter("partition", partition, Integer.class)
                .setParameter("position", offset, Long.class)
                .setParameter("occurredAt", event.occurredAt(), Instant.class)
                .setParameter("updatedAt", Instant.now(), Instant.class)
                .setParameter("reportedOn", submitted ? event.deal().reportedOn() : null, LocalDate.class)
                .setParameter("content", submitted ? DealJson.write(event.deal()) : null, String.class)
                .executeUpdate();
        return written == 1 ? Outcome.APPLIED : Outcome.DUPLICATE;
    }
}
