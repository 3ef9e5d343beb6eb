package io.dealwire.ingest.deal;

import io.dealwire.contract.DealEvent;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The 202 answer: the event is durably on the topic. */
@Schema(description = "The deal's id (the same for every revision of your externalId) and the id of the event just stored",
        example = DealExamples.ACCEPTED)
public record Accepted(UUID dealId, UUID eventId) {

    public static Accepted of(DealEvent event) {
        return new Accepted(event.dealId(), event.eventId());
    }
}
