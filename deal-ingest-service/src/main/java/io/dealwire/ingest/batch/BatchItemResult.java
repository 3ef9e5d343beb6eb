package io.dealwire.ingest.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dealwire.contract.DealEvent;
import io.dealwire.problem.FieldError;
import java.util.List;
import java.util.UUID;

/** The outcome of one batch item; {@code index} is its position in the request (from 0). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record BatchItemResult(int index, String externalId, Status status, UUID dealId, UUID eventId,
        List<FieldError> errors) {

    public enum Status {
        /** Durably stored, like a 202. */
        ACCEPTED,
        /** Invalid; see errors. Resending it unchanged will fail again. */
        REJECTED,
        /** Valid but not acknowledged by the broker in time: resend it (same ids). */
        FAILED
    }

    static BatchItemResult accepted(int index, DealEvent event) {
        return new BatchItemResult(index, event.externalId(), Status.ACCEPTED, event.dealId(), event.eventId(), null);
    }

    static BatchItemResult rejected(int index, String externalId, List<FieldError> errors) {
        return new BatchItemResult(index, externalId, Status.REJECTED, null, null, errors);
    }

    static BatchItemResult failed(int index, DealEvent event) {
        return new BatchItemResult(index, event.externalId(), Status.FAILED, event.dealId(), event.eventId(),
                List.of(new FieldError("", "not acknowledged by the broker in time; resend this deal")));
    }
}
