package io.dealwire.catalog.deal;

import io.dealwire.contract.EventType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One applied event of a deal: its submissions and withdrawals, numbered from 1. */
@Entity
@Table(name = "deal_revision")
public class DealRevisionEntity extends PanacheEntityBase {

    /** From {@code deal_revision_seq}, taken by the INSERT itself (rows are written by the consumer's DealRows). */
    @Id
    public Long id;

    @Column(name = "deal_id")
    public UUID dealId;

    public int revision;

    @Column(name = "event_id")
    public UUID eventId;

    /** The event type's JSON value, {@code deal.submitted} or {@code deal.withdrawn}. */
    public String type;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "source_partition")
    public int sourcePartition;

    @Column(name = "source_offset")
    public long sourceOffset;

    @JdbcTypeCode(SqlTypes.JSON)
    public String deal;

    public static List<DealRevisionEntity> ofDeal(UUID dealId) {
        return list("dealId = ?1 order by revision", dealId);
    }

    public EventType eventType() {
        return EventType.fromJson(type);
    }
}
