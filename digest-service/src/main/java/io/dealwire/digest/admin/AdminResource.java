package io.dealwire.digest.admin;

import io.dealwire.contract.IsoWeek;
import io.dealwire.digest.access.Roles;
import io.dealwire.digest.config.DigestConfig;
import io.dealwire.digest.issue.DigestRenderer;
import io.dealwire.digest.issue.DigestView;
import io.dealwire.digest.issue.FreezeResult;
import io.dealwire.digest.issue.IssueFreezer;
import io.dealwire.digest.issue.IssueViews;
import io.dealwire.digest.issue.WeekParam;
import io.dealwire.digest.send.DigestSender;
import io.dealwire.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/digests")
@Tag(name = "Digest administration", description = "Admin key required: Authorization: Bearer <admin key>")
@SecurityScheme(securitySchemeName = "key", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An admin or editor key: Authorization: Bearer <key> (only its SHA-256 is configured)")
@SecurityRequirement(name = "key")
@RolesAllowed(Roles.ADMIN) // 401 without a valid key, 403 for an editor's key (access/DigestAuthMechanism)
public class AdminResource {

    @Inject
    IssueFreezer freezer;

    @Inject
    DigestSender sender;

    @Inject
    IssueStates states;

    @Inject
    IssueViews views;

    @Inject
    DigestRenderer renderer;

    @Inject
    DigestConfig config;

    @POST
    @Path("{week}/send")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Freeze and send the issue of a week",
            description = "Idempotent: a week already frozen is not sent again; the answer is its state.")
    @APIResponse(responseCode = "202", description = "Issue frozen now; sending in the background")
    @APIResponse(responseCode = "200", description = "Issue frozen before (its state), or EMPTY: no deal, nothing sent")
    @APIResponse(responseCode = "400", description = "Malformed week, or a week that has not started")
    @APIResponse(responseCode = "401", description = "Missing or unknown key")
    @APIResponse(responseCode = "403", description = "A key that is not the admin's (an editor's)")
    public Response send(@Parameter(description = "ISO week, e.g. 2025-W37") @PathParam("week") String week) {
        IsoWeek isoWeek = WeekParam.parse(week);
        if (isoWeek.firstDay().isAfter(LocalDate.now(config.digest().zone()))) {
            throw new ProblemException(400, "Week " + week + " has not started yet.");
        }
        FreezeResult result = freezer.freeze(isoWeek);
        if (result.outcome() == FreezeResult.Outcome.EMPTY) {
            return Response.ok(IssueState.empty(result.week())).build();
        }
        if (result.outcome() == FreezeResult.Outcome.CREATED) {
            sender.trigger();
        }
        IssueState state = states.of(result.week()).orElseThrow();
        int status = result.outcome() == FreezeResult.Outcome.CREATED ? 202 : 200;
        return Response.status(status).entity(state).build();
    }

    @GET
    @Path("{week}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "State of a frozen issue: subject, figures, ledger counts")
    @APIResponse(responseCode = "404", description = "The week was never frozen")
    @APIResponse(responseCode = "401", description = "Missing or unknown key")
    @APIResponse(responseCode = "403", description = "A key that is not the admin's (an editor's)")
    public IssueState state(@PathParam("week") String week) {
        return states.of(WeekParam.parse(week).toString())
                .orElseThrow(() -> new ProblemException(404, "Issue " + week + " has not been frozen."));
    }

    @GET
    @Path("{week}/preview")
    @Produces({MediaType.TEXT_HTML, MediaType.TEXT_PLAIN})
    @Operation(summary = "Render the issue as it would be sent now, without freezing or sending anything",
            description = "The whole issue (no subscriber filter); format=text gives the plain-text part.")
    @APIResponse(responseCode = "404", description = "No deal for this week")
    @APIResponse(responseCode = "401", description = "Missing or unknown key")
    @APIResponse(responseCode = "403", description = "A key that is not the admin's (an editor's)")
    public Response preview(@PathParam("week") String week, @QueryParam("format") @DefaultValue("html") String format) {
        DigestView view = views.preview(WeekParam.parse(week))
                .orElseThrow(() -> new ProblemException(404, "Week " + week + " has no deal to send."));
        return switch (format) {
            case "html" -> Response.ok(renderer.mail(view).html(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
            case "text" -> Response.ok(renderer.mail(view).text(), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
            default -> throw new ProblemException(400, "format must be html or text");
        };
    }

}
