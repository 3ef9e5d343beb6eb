package io.dealwire.ingest.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealwire.contract.Deal;
import io.dealwire.contract.DealEvent;
import io.dealwire.ingest.deal.DealService;
import io.dealwire.ingest.metrics.IngestMetrics;
import io.dealwire.ingest.metrics.RejectionReason;
import io.dealwire.ingest.publish.DealPublisher;
import io.dealwire.ingest.publish.PublishConfig;
import io.dealwire.ingest.publish.TraceParent;
import io.dealwire.problem.FieldError;
import io.dealwire.problem.FieldErrors;
import io.dealwire.problem.Problem;
import io.dealwire.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Validates each item on its own (one bad item never fails the others), sends all valid ones at once
 * and answers when all their acks arrived or the one publish bound is over. Once the broker fails an item, the rest are
 * not attempted (FAILED): waiting the bound for each of 1000 items would hold the request for hours.
 */
@ApplicationScoped
public class BatchService {

    /** PRODUCT.md: a batch holds up to 1000 deals. */
    public static final int MAX_ITEMS = 1000;

    private final ObjectMapper mapper;
    private final Validator validator;
    private final DealPublisher publisher;
    private final PublishConfig config;
    private final IngestMetrics metrics;

    BatchService(ObjectMapper mapper, Validator validator, DealPublisher publisher, PublishConfig config,
            IngestMetrics metrics) {
        this.mapper = mapper;
        this.validator = validator;
        this.publisher = publisher;
        this.config = config;
        this.metrics = metrics;
    }

    public CompletionStage<BatchResult> submit(String partnerId, List<JsonNode> items, String traceparent) {
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new ProblemException(Problem.of(400, "a batch holds 1 to " + MAX_ITEMS + " deals")
                    .withErrors(List.of(new FieldError("", "must hold 1 to " + MAX_ITEMS + " deals, had " + items.size()))));
        }
        Instant receivedAt = DealService.now();
        TraceParent trace = TraceParent.continueOrStart(traceparent);
        long deadline = publisher.deadline();
        BatchItemResult[] results = new BatchItemResult[items.size()];
        List<CompletableFuture<?>> sent = new ArrayList<>();
        boolean brokerFailed = false;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            List<FieldError> errors = new ArrayList<>();
            Deal deal = read(item, errors);
            if (deal == null) {
                results[i] = BatchItemResult.rejected(i, externalIdOf(item), errors);
                continue;
            }
            DealEvent event = DealEvent.submitted(partnerId, deal, receivedAt);
            if (brokerFailed) {
                results[i] = BatchItemResult.failed(i, event);
                continue;
            }
            CompletableFuture<DealEvent> ack = publisher.publish(event, trace, deadline);
            // A send refused at once (the broker unknown for the whole bound): do not wait the bound again per item
            brokerFailed = ack.isCompletedExceptionally();
            int index = i;
            sent.add(ack.handle((acked, error) -> results[index] = error == null
                    ? BatchItemResult.accepted(index, event) : BatchItemResult.failed(index, event)));
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).thenApply(done -> {
            BatchResult result = BatchResult.of(Arrays.asList(results));
            countRejections(result);
            return result;
        });
    }

    public long retryAfterSeconds() {
        return Math.max(1, config.retryAfter().toSeconds());
    }

    /** The item as a valid deal, or {@code null} with {@code errors} filled. */
    private Deal read(JsonNode item, List<FieldError> errors) {
        if (item == null || item.isNull()) {
            errors.add(new FieldError("", "must be a deal object, not null"));
            return null;
        }
        Deal deal;
        try {
            deal = mapper.treeToValue(item, Deal.class);
        } catch (JsonProcessingException e) {
            errors.add(FieldErrors.of(e));
            return null;
        }
        Set<ConstraintViolation<Deal>> violations = validator.validate(deal);
        if (!violations.isEmpty()) {
            errors.addAll(FieldErrors.of(violations));
            return null;
        }
        return deal;
    }

    private static String externalIdOf(JsonNode item) {
        JsonNode id = item == null ? null : item.get("externalId");
        return id != null && id.isTextual() ? id.asText() : null;
    }

    private void countRejections(BatchResult result) {
        for (BatchItemResult item : result.results()) {
            if (item.status() == BatchItemResult.Status.REJECTED) {
                metrics.rejected(RejectionReason.INVALID);
            } else if (item.status() == BatchItemResult.Status.FAILED) {
                metrics.rejected(RejectionReason.BROKER_UNAVAILABLE);
            }
        }
    }
}
