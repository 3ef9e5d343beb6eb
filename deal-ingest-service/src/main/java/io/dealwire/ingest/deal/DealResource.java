package io.dealwire.ingest.deal;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealwire.contract.Deal;
import io.dealwire.ingest.batch.BatchResult;
import io.dealwire.ingest.batch.BatchService;
import io.dealwire.ingest.partner.AuthenticatedPartner;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.concurrent.CompletionStage;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The partner API. The caller is already authenticated and within its rate ({@code PartnerFilters});
 * the deal is already bound and validated when a method runs. Error answers are documented once, in
 * the README and on the operations below.
 *
 * <p>No thread waits for an ack: each method returns as soon as the event is handed to the producer,
 * and the broker's ack completes the answer. A single deal or withdrawal runs on the event loop
 * ({@code @NonBlocking}): its work is a fraction of a millisecond of CPU, and {@code producer.send}
 * waits at most {@code KafkaProducerFactory.MAX_BLOCK_MS} (metadata or buffer space missing, then 503).
 * That doubled the accepted rate against a worker thread per request (thread hops per request on two
 * cores; docs/benchmarks.md). A batch of up to 1000 deals is too much CPU for an event loop: worker.
 */
@Path("/api/v1/deals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deals", description = "Submit, revise and withdraw your deals")
@APIResponse(responseCode = "401", description = "Missing or unknown API key; nothing was published")
@APIResponse(responseCode = "429", description = "Your rate is exceeded; wait Retry-After seconds")
@APIResponse(responseCode = "503", description = "The broker did not store the event in time; retry the same request"
        + " after Retry-After seconds (safe: same dealId and eventId)")
public class DealResource {

    private static final String PROBLEM = "application/problem+json";

    private final DealService deals;
    private final BatchService batches;
    private final AuthenticatedPartner partner;

    DealResource(DealService deals, BatchService batches, AuthenticatedPartner partner) {
        this.deals = deals;
        this.batches = batches;
        this.partner = partner;
    }

    // @RequestBody sits on the methods, not on the body parameters: with a ReaderInterceptor installed
    // (BodyLimitInterceptor), Quarkus REST asks for the body parameter's annotations on every request and
    // the JDK parses them anew each time; with the OpenAPI examples on it that was ~10 % of a request's CPU.
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or revise a deal",
            description = "Your externalId names the deal; sending it again revises it. Answers 202 only once the"
                    + " event is durably stored. An identical resubmission yields the same dealId and eventId."
                    + " reportedOn defaults to today (UTC).")
    @APIResponse(responseCode = "202", description = "Stored on the deal topic",
            content = @Content(schema = @Schema(implementation = Accepted.class),
                    examples = @ExampleObject(name = "seed", value = DealExamples.ACCEPTED)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, wrong type, unknown field or broken rule;"
            + " errors name each field", content = @Content(mediaType = PROBLEM,
            examples = @ExampleObject(name = "invalid", value = DealExamples.INVALID)))
    @APIResponse(responseCode = "413", description = "Body over 256 KiB")
    @APIResponse(responseCode = "415", description = "Content-Type is not application/json")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Deal.class),
            examples = @ExampleObject(name = "seed", summary = "First deal of the 2025-W37 seed week",
                    value = DealExamples.SEED_DEAL)))
    @NonBlocking
    public CompletionStage<RestResponse<Accepted>> submit(
            @Valid @NotNull Deal deal,
            @Parameter(description = "W3C trace context; continued on the Kafka record")
            @HeaderParam("traceparent") String traceparent) {
        return deals.submit(partner.id(), deal, traceparent).thenApply(RestResponse::accepted);
    }

    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit up to 1000 deals",
            description = "Each item is validated and published on its own. Always 200 with a result per item"
                    + " (ACCEPTED, REJECTED with errors, or FAILED when the broker did not ack in time: resend those;"
                    + " Retry-After is then set). Counts as one request for the rate limit.")
    @APIResponse(responseCode = "200", description = "A result per item, in request order",
            content = @Content(schema = @Schema(implementation = BatchResult.class),
                    examples = @ExampleObject(name = "mixed", value = DealExamples.BATCH_RESULT)))
    @APIResponse(responseCode = "400", description = "Not a JSON array, or not 1 to 1000 items",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "413", description = "Body over 8 MiB")
    @APIResponse(responseCode = "415", description = "Content-Type is not application/json")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = Deal.class, maxItems = 1000, minItems = 1),
            examples = @ExampleObject(name = "seed", value = DealExamples.SEED_BATCH)))
    @Blocking
    public CompletionStage<RestResponse<BatchResult>> submitBatch(
            @NotNull List<JsonNode> items,
            @HeaderParam("traceparent") String traceparent) {
        return batches.submit(partner.id(), items, traceparent).thenApply(result -> {
            RestResponse.ResponseBuilder<BatchResult> response = RestResponse.ResponseBuilder.ok(result);
            if (result.failed() > 0) {
                response.header("Retry-After", batches.retryAfterSeconds());
            }
            return response.build();
        });
    }

    @DELETE
    @Path("{externalId}")
    @Operation(summary = "Withdraw a deal", description = "Publishes deal.withdrawn for your deal with this"
            + " externalId. Only your own deals can be named; withdrawing again is harmless.")
    @APIResponse(responseCode = "202", description = "The withdrawal is stored",
            content = @Content(schema = @Schema(implementation = Accepted.class),
                    examples = @ExampleObject(name = "seed", value = DealExamples.WITHDRAWN)))
    @APIResponse(responseCode = "400", description = "Not a valid externalId", content = @Content(mediaType = PROBLEM))
    @NonBlocking
    public CompletionStage<RestResponse<Accepted>> withdraw(
            @PathParam("externalId")
            @Pattern(regexp = Deal.EXTERNAL_ID_PATTERN, message = "must be 1-128 characters of A-Z a-z 0-9 . _ : -")
            String externalId,
            @HeaderParam("traceparent") String traceparent) {
        return deals.withdraw(partner.id(), externalId, traceparent).thenApply(RestResponse::accepted);
    }
}
