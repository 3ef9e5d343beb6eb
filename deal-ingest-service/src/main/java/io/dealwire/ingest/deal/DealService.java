package io.dealwire.ingest.deal;

import io.dealwire.contract.Deal;
import io.dealwire.contract.DealEvent;
import io.dealwire.ingest.publish.DealPublisher;
import io.dealwire.ingest.publish.TraceParent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionStage;

/** Turns a partner's call into its event; the answer completes only once the broker has it. */
@ApplicationScoped
public class DealService {

    private final DealPublisher publisher;

    DealService(DealPublisher publisher) {
        this.publisher = publisher;
    }

    /** Create or revise the deal (partner, externalId); {@code reportedOn} defaults to today (UTC). */
    public CompletionStage<Accepted> submit(String partnerId, Deal deal, String traceparent) {
        DealEvent event = DealEvent.submitted(partnerId, deal, now());
        return publisher.publish(event, TraceParent.continueOrStart(traceparent)).thenApply(Accepted::of);
    }

    /** Withdraw the deal (partner, externalId); the partner can only name its own deals. */
    public CompletionStage<Accepted> withdraw(String partnerId, String externalId, String traceparent) {
        DealEvent event = DealEvent.withdrawn(partnerId, externalId, now());
        return publisher.publish(event, TraceParent.continueOrStart(traceparent)).thenApply(Accepted::of);
    }

    /** Millisecond precision: the same instant in ce_time, the JSON value and the record timestamp. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
