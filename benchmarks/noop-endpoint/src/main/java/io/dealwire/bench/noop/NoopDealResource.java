package io.dealwire.bench.noop;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * The ingest's route with nothing behind it: the body is read in full (as the ingest must) and a
 * 202 with a body of the same shape is returned. No parsing, no validation, no Kafka.
 */
@Path("/api/v1/deals")
public class NoopDealResource {

    /** What the ingest answers, {@code {"dealId", "eventId"}}, with fixed ids. */
    public record Accepted(UUID dealId, UUID eventId) {
    }

    private static final Accepted ACCEPTED = new Accepted(new UUID(0, 1), new UUID(0, 2));

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response accept(byte[] body) {
        return Response.accepted(ACCEPTED).build();
    }
}
