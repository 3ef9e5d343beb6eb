package io.dealwire.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;

class DealEventTest {

    private static final Instant DEFAULT_OCCURRED_AT = Instant.parse("2025-09-12T23:30:00Z");

    @Test
    void shouldDeriveIdsForASubmission() {
        DealEvent event = DealEvent.submitted(Deals.DEFAULT_PARTNER_ID, Deals.valid(), DEFAULT_OCCURRED_AT);

        assertThat(event.type()).isEqualTo(EventType.SUBMITTED);
        assertThat(event.dealId()).isEqualTo(DealIds.dealId(Deals.DEFAULT_PARTNER_ID, Deals.DEFAULT_EXTERNAL_ID));
        assertThat(event.eventId()).isEqualTo(DealIds.eventId(EventType.SUBMITTED, Deals.DEFAULT_PARTNER_ID,
                Deals.DEFAULT_EXTERNAL_ID, DealJson.canonical(Deals.valid())));
        assertThat(event.externalId()).isEqualTo(Deals.DEFAULT_EXTERNAL_ID);
        assertThat(event.deal()).isEqualTo(Deals.valid());
    }

    @Test
    void shouldFillReportedOnWithTheUtcDayButKeepTheEventIdOfTheDealAsSent() {
        Deal sent = Deals.validBuilder().reportedOn(null).build();

        DealEvent today = DealEvent.submitted("reex", sent, DEFAULT_OCCURRED_AT);
        DealEvent retriedAfterMidnight = DealEvent.submitted("reex", sent, DEFAULT_OCCURRED_AT.plusSeconds(3600));

        assertThat(today.deal().reportedOn()).isEqualTo(LocalDate.of(2025, 9, 12));
        assertThat(retriedAfterMidnight.deal().reportedOn()).isEqualTo(LocalDate.of(2025, 9, 13));
        assertThat(retriedAfterMidnight.eventId()).isEqualTo(today.eventId());
    }

    @Test
    void shouldCarryNoDealOnAWithdrawal() {
        DealEvent event = DealEvent.withdrawn("reex", "x-1", DEFAULT_OCCURRED_AT);

        assertThat(event.deal()).isNull();
        assertThat(event.dealId()).isEqualTo(DealIds.dealId("reex", "x-1"));
        assertThat(event.eventId()).isEqualTo(DealEvent.withdrawn("reex", "x-1", Instant.now()).eventId());
        assertThat(Checks.violations(event)).isEmpty();
    }

    @Test
    void shouldReportInconsistentEventsOnTheDealPath() {
        DealEvent submitted = DealEvent.submitted("reex", Deals.valid(), DEFAULT_OCCURRED_AT);
        DealEvent withdrawn = DealEvent.withdrawn("reex", "x-1", DEFAULT_OCCURRED_AT);

        assertThat(Checks.violations(new DealEvent(submitted.eventId(), EventType.SUBMITTED, submitted.dealId(),
                "reex", "other-id", DEFAULT_OCCURRED_AT, Deals.validBuilder().reportedOn(null).build())))
                .containsExactly("deal.externalId: must equal the event's externalId",
                        "deal.reportedOn: must be filled in on events");
        assertThat(Checks.violations(new DealEvent(withdrawn.eventId(), EventType.WITHDRAWN, withdrawn.dealId(),
                "reex", "x-1", DEFAULT_OCCURRED_AT, Deals.valid())))
                .containsExactly("deal: must be absent for deal.withdrawn");
        assertThat(Checks.violations(new DealEvent(null, EventType.SUBMITTED, null, "a.b", "x 1", null, null)))
                .containsExactly("deal: must be present for deal.submitted", "dealId: must not be null",
                        "eventId: must not be null", "externalId: must be 1-128 characters of A-Z a-z 0-9 . _ : -",
                        "occurredAt: must not be null", "partnerId: must be 1-64 characters of A-Z a-z 0-9 _ -");
    }

    @Test
    void shouldValidateTheDealInside() {
        Deal invalid = Deals.validBuilder().headline(" ").build();

        assertThat(Checks.violationPaths(DealEvent.submitted("reex", invalid, DEFAULT_OCCURRED_AT)))
                .containsExactly("deal.headline");
    }

    @Test
    void shouldDescribeTheEventInHeaders() {
        DealEvent event = DealEvent.submitted("reex", Deals.valid(), DEFAULT_OCCURRED_AT);

        assertThat(Headers.of(event)).containsExactly(
                Map.entry("ce_specversion", "1.0"),
                Map.entry("ce_id", event.eventId().toString()),
                Map.entry("ce_type", "deal.submitted"),
                Map.entry("ce_source", "/partners/reex"),
                Map.entry("ce_subject", event.dealId().toString()),
                Map.entry("ce_time", "2025-09-12T23:30:00Z"),
                Map.entry("content-type", "application/json"),
                Map.entry("dw_stage", "DOWNSTREAM"),
                Map.entry("dw_deal_type", "FACILITY"),
                Map.entry("dw_countries", "KR,US"),
                Map.entry("dw_week", "2025-W37"));
        assertThat(Headers.of(DealEvent.withdrawn("reex", "x-1", DEFAULT_OCCURRED_AT)))
                .containsKeys("ce_id", "ce_type").doesNotContainKeys("dw_stage", "dw_week");
    }

    @Test
    void shouldNameTopicsAndDeadLetterTopics() {
        assertThat(Topics.DEALS).isEqualTo("dealwire.deals.v1");
        assertThat(Topics.dlq(Topics.CATALOG_GROUP)).isEqualTo("dealwire.deals.v1.dlq.deal-catalog");
        assertThat(Topics.dlq(Topics.DIGEST_GROUP)).isEqualTo("dealwire.deals.v1.dlq.digest");
        assertThatThrownBy(() -> Topics.dlq(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldListEachCountryOnceAndSorted() {
        Deal deal = Deals.validBuilder()
                .parties(List.of(new Party("A", PartyRole.PARTNER, "US"), new Party("B", PartyRole.DEVELOPER, "KR"),
                        new Party("C", PartyRole.PARTNER, "US")))
                .location(new Location(null, "DE")).build();

        assertThat(deal.countries()).containsExactly("DE", "KR", "US");
        assertThat(Headers.of(DealEvent.submitted("reex", deal, DEFAULT_OCCURRED_AT))).containsEntry("dw_countries", "DE,KR,US");
    }
}
