package io.dealwire.digest.subscription;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/subscriptions")
@Tag(name = "Subscriptions", description = "Double opt-in subscription to the weekly digest")
public class SubscriptionResource {

    @Inject
    SubscriptionService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for the digest",
            description = "Mails a confirmation link. The answer is the same whether or not the address is known;"
                    + " preferences (stages, countries) take effect once the link is confirmed.")
    @APIResponse(responseCode = "202", description = "Confirmation mail sent (or, for an unusable address, not)")
    @APIResponse(responseCode = "400", description = "Invalid request (problem+json with field errors)")
    @APIResponse(responseCode = "503", description = "Mail server unavailable; retry after Retry-After seconds")
    public Response subscribe(@Valid @NotNull SubscriptionRequest request) {
        service.request(request);
        return Response.accepted(SubscriptionAccepted.INSTANCE).build();
    }
}
