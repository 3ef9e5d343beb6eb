package io.dealwire.digest.admin;

import io.dealwire.digest.access.Roles;
import io.dealwire.digest.subscription.Subscriber;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The addresses the relay refused for good: they get no issue until they subscribe and confirm again. */
@Path("/api/v1/subscribers/bounced")
@Tag(name = "Digest administration", description = "Admin key required: Authorization: Bearer <admin key>")
@SecurityRequirement(name = "key")
@RolesAllowed(Roles.ADMIN)
public class BouncedSubscribersResource {

    /** One BOUNCED subscriber: the address, since when, and the relay's reply that decided it. */
    public record Bounced(String email, Instant bouncedAt, String reason) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Subscribers whose address bounced",
            description = "Newest first. A bounced subscriber gets nothing until a new subscription is confirmed.")
    @APIResponse(responseCode = "200", description = "The bounced subscribers")
    @APIResponse(responseCode = "401", description = "Missing or unknown key")
    @APIResponse(responseCode = "403", description = "A key that is not the admin's (an editor's)")
    public List<Bounced> list() {
        return Subscriber.<Subscriber>list("status = ?1 order by bouncedAt desc, email", Subscriber.Status.BOUNCED)
                .stream().map(s -> new Bounced(s.email, s.bouncedAt, s.bounceReason)).toList();
    }
}
