package io.dealwire.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dealwire.contract.validation.ConsistentDealEvent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/**
 * The value of a {@link Topics#DEALS} record (key = dealId). A submission carries the whole deal as
 * accepted, so the topic can be compacted and replayed; a withdrawal carries no deal (omitted in JSON).
 * Build events with {@link #submitted} and {@link #withdrawn}, which derive the ids.
 */
@ConsistentDealEvent
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DealEvent(
        @NotNull UUID eventId,
        @NotNull EventType type,
        @NotNull UUID dealId,
        @NotNull @Pattern(regexp = PARTNER_ID_PATTERN, message = "must be 1-64 characters of A-Z a-z 0-9 _ -")
        String partnerId,
        @NotNull @Pattern(regexp = Deal.EXTERNAL_ID_PATTERN, message = Deal.EXTERNAL_ID_MESSAGE)
        String externalId,
        @NotNull Instant occurredAt,
        @Valid Deal deal) {

    /**
     * Partner ids: no dots, so they fit the {@code dealwire.partners.<partnerId>.api-key-sha256}
     * configuration key, and no slashes, so they fit {@code ce_source = /partners/<partnerId>}.
     */
    public static final String PARTNER_ID_PATTERN = "[A-Za-z0-9_-]{1,64}";

    /**
     * A submission of {@code deal} as the partner sent it. The eventId is taken over that deal, before
     * {@code reportedOn} defaults to the UTC day of {@code occurredAt}: so a retry after midnight is
     * still recognised as the same submission.
     */
    public static DealEvent submitted(String partnerId, Deal deal, Instant occurredAt) {
        Objects.requireNonNull(deal, "deal");
        Objects.requireNonNull(occurredAt, "occurredAt");
        String externalId = deal.externalId();
        UUID eventId = DealIds.eventIdOfUtf8(EventType.SUBMITTED, partnerId, externalId, DealJson.canonicalBytes(deal));
        Deal accepted = deal.reportedOn() != null ? deal
                : deal.withReportedOn(LocalDate.ofInstant(occurredAt, ZoneOffset.UTC));
        return new DealEvent(eventId, EventType.SUBMITTED, DealIds.dealId(partnerId, externalId), partnerId,
                externalId, occurredAt, accepted);
    }

    /** A withdrawal; retries give the same eventId. */
    public static DealEvent withdrawn(String partnerId, String externalId, Instant occurredAt) {
        Objects.requireNonNull(occurredAt, "occurredAt");
        UUID eventId = DealIds.eventId(EventType.WITHDRAWN, partnerId, externalId, null);
        return new DealEvent(eventId, EventType.WITHDRAWN, DealIds.dealId(partnerId, externalId), partnerId,
                externalId, occurredAt, null);
    }
}
