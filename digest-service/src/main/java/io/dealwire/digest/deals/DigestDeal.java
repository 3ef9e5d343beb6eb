package io.dealwire.digest.deals;

import io.dealwire.contract.Deal;
import io.dealwire.contract.DealJson;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The digest's copy of a deal: its latest state as carried by its last applied event. */
@Entity
@Table(name = "deal")
public class DigestDeal extends PanacheEntityBase {

    public enum Status { ACTIVE, WITHDRAWN }

    @Id
    @Column(name = "deal_id")
    public UUID dealId;

    @Column(name = "partner_id", nullable = false)
    public String partnerId;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** Duplicate detection: an event equal to the last applied one changes nothing. */
    @Column(name = "last_event_id", nullable = false)
    public UUID lastEventId;

    /** Where the last applied event was read: a redelivery at or below it is dropped. */
    @Column(name = "last_partition")
    public Integer lastPartition;

    @Column(name = "last_offset")
    public Long lastOffset;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "reported_on")
    public LocalDate reportedOn;

    /** The deal JSON of the last submission; kept on withdrawal, absent if never submitted. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String content;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public Deal deal() {
        return DealJson.readDeal(content);
    }
}
