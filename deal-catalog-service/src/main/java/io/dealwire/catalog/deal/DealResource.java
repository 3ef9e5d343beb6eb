package io.dealwire.catalog.deal;

import io.dealwire.problem.FieldError;
import io.dealwire.problem.Problem;
import io.dealwire.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The catalog's query API over deals. */
@Path("/api/v1/deals")
@Produces(MediaType.APPLICATION_JSON)
public class DealResource {

    private final DealQuery query;

    public DealResource(DealQuery query) {
        this.query = query;
    }

    @GET
    @Operation(summary = "Search deals", description = "Active deals unless includeWithdrawn=true; sorted by "
            + "reportedOn (newest first), then value amount (largest first, none last), then dealId.")
    public DealPage search(
            @Parameter(description = "ISO week of reportedOn, e.g. 2025-W37") @QueryParam("week") String week,
            @Parameter(description = "reportedOn on or after, ISO date") @QueryParam("from") String from,
            @Parameter(description = "reportedOn on or before, ISO date") @QueryParam("to") String to,
            @Parameter(description = "UPSTREAM, MIDSTREAM, DOWNSTREAM, RECYCLING or CROSS_CHAIN")
            @QueryParam("stage") String stage,
            @Parameter(description = "FINANCING, GRANT, ... POLICY") @QueryParam("dealType") String dealType,
            @Parameter(description = "ISO 3166-1 alpha-2 country of a party or the location")
            @QueryParam("country") String country,
            @Parameter(description = "rare-earth element symbol, e.g. Nd") @QueryParam("element") String element,
            @Parameter(description = "partner id") @QueryParam("partner") String partner,
            @Parameter(description = "full text over headline, summary, parties and products (web search syntax)")
            @QueryParam("q") String q,
            @Parameter(description = "also list withdrawn deals (default false)")
            @QueryParam("includeWithdrawn") String includeWithdrawn,
            @Parameter(description = "0-based page number (default 0)") @QueryParam("page") String page,
            @Parameter(description = "page size, 1-200 (default 50)") @QueryParam("size") String size) {
        return query.search(DealFilter.parse(new DealFilter.Params(week, from, to, stage, dealType, country,
                element, partner, q, includeWithdrawn, page, size)));
    }

    @GET
    @Path("/{dealId}")
    @Operation(summary = "One deal, withdrawn or not")
    public DealView get(@PathParam("dealId") String dealId) {
        UUID id = dealId(dealId);
        return query.find(id).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/{dealId}/revisions")
    @Operation(summary = "Every applied event of a deal, oldest first")
    public List<RevisionView> revisions(@PathParam("dealId") String dealId) {
        UUID id = dealId(dealId);
        List<RevisionView> revisions = query.revisions(id);
        if (revisions.isEmpty()) {
            throw notFound(id);
        }
        return revisions;
    }

    static UUID dealId(String raw) {
        try {
            if (raw.length() == 36) {
                return UUID.fromString(raw);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ProblemException(Problem.of(400, "Invalid deal id")
                .withErrors(List.of(new FieldError("dealId", "must be a UUID"))));
    }

    static ProblemException notFound(UUID dealId) {
        return new ProblemException(404, "No deal " + dealId);
    }
}
