package io.dealwire.catalog.deal;

import io.dealwire.contract.Deal;
import io.dealwire.contract.DealJson;
import io.dealwire.contract.IsoWeek;
import io.dealwire.contract.Party;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A deal's latest state. The partner's fields are kept twice: as columns to filter and sort on,
 * and as the original JSON ({@link #deal}) to answer with exactly what the partner sent.
 */
@Entity
@Table(name = "deal")
public class DealEntity extends PanacheEntityBase {

    @Id
    @Column(name = "deal_id")
    public UUID dealId;

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "external_id")
    public String externalId;

    @Enumerated(EnumType.STRING)
    public DealStatus status;

    public int revision;

    @Column(name = "last_event_id")
    public UUID lastEventId;

    @Column(name = "last_partition")
    public int lastPartition;

    @Column(name = "last_offset")
    public long lastOffset;

    @Column(name = "reported_on")
    public LocalDate reportedOn;

    public String week;

    @Column(name = "announced_on")
    public LocalDate announcedOn;

    public String headline;

    public String summary;

    @Column(name = "deal_type")
    public String dealType;

    public String stage;

    @Column(name = "value_amount")
    public BigDecimal valueAmount;

    @Column(name = "value_currency")
    public String valueCurrency;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] countries;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] elements;

    @Column(name = "search_text")
    public String searchText;

    @JdbcTypeCode(SqlTypes.JSON)
    public String deal;

    @Column(name = "first_received_at")
    public Instant firstReceivedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Copies the partner's deal into the columns and the JSON. */
    public void setContent(Deal content) {
        reportedOn = content.reportedOn();
        week = IsoWeek.of(content.reportedOn()).toString();
        announcedOn = content.announcedOn();
        headline = content.headline();
        summary = content.summary();
        dealType = content.dealType().name();
        stage = content.stage().name();
        valueAmount = content.value() == null ? null : content.value().amount();
        valueCurrency = content.value() == null ? null : content.value().currency();
        countries = content.countries().toArray(String[]::new);
        elements = content.elements() == null ? new String[0]
                : content.elements().stream().map(e -> e.symbol()).toArray(String[]::new);
        searchText = Stream.concat(
                        content.parties().stream().map(Party::name),
                        content.products() == null ? Stream.empty() : content.products().stream())
                .collect(Collectors.joining("\n"));
        deal = DealJson.write(content);
    }

    /**
     * The partner's deal; for a deal known only from its withdrawal (its submissions compacted
     * away), a deal with nothing but the {@code externalId}.
     */
    public Deal content() {
        return deal == null ? idsOnly(externalId) : DealJson.readDeal(deal);
    }

    /** A deal first seen by its withdrawal: ids, no content (no week, so no week page or summary shows it). */
    public static DealEntity withdrawnWithoutContent(UUID dealId, String partnerId, String externalId) {
        DealEntity entity = new DealEntity();
        entity.dealId = dealId;
        entity.partnerId = partnerId;
        entity.externalId = externalId;
        entity.status = DealStatus.WITHDRAWN;
        entity.countries = new String[0];
        entity.elements = new String[0];
        entity.searchText = "";
        return entity;
    }

    private static Deal idsOnly(String externalId) {
        return new Deal(externalId, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    public List<String> countryList() {
        return List.of(countries);
    }
}
