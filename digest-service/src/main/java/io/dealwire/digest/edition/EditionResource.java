package io.dealwire.digest.edition;

import io.dealwire.digest.issue.WeekParam;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The editorial edition API of PRODUCT.md; editors' keys (the admin key counts as one). */
@Path("/api/v1/digests/{week}/edition")
@RolesAllowed("editor")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Editorial edition", description = "Editor key required: Authorization: Bearer <editor key>")
public class EditionResource {

    @Inject
    Editions editions;

    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "The week's edition: the lead computed from the data and the editor's fields")
    @APIResponse(responseCode = "200", description = "The edition, with its version as ETag")
    @APIResponse(responseCode = "404", description = "The week has no deal and no edition")
    public Response read(@PathParam("week") String week) {
        return answer(editions.read(WeekParam.parse(week)));
    }

    @PUT
    @Operation(summary = "Save the editor's fields (If-Match: the ETag read); an approved edition becomes a draft")
    @APIResponse(responseCode = "200", description = "Saved: the edition with its new version")
    @APIResponse(responseCode = "400", description = "A field is invalid (named in errors); nothing saved")
    @APIResponse(responseCode = "409", description = "The week has been sent")
    @APIResponse(responseCode = "412", description = "Stale If-Match: someone saved in between")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response save(@PathParam("week") String week, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull EditorFields editor) {
        return answer(editions.save(WeekParam.parse(week), editor, ifMatch, who()));
    }

    @POST
    @Path("approve")
    @Operation(summary = "Approve the edition as read (If-Match: its ETag)")
    @APIResponse(responseCode = "200", description = "APPROVED")
    public Response approve(@PathParam("week") String week, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(editions.approve(WeekParam.parse(week), ifMatch, who()));
    }

    @GET
    @Path("revisions")
    @Operation(summary = "Every saved version with who and when, oldest first")
    public List<RevisionView> revisions(@PathParam("week") String week) {
        return editions.revisions(WeekParam.parse(week));
    }

    private String who() {
        return identity.getPrincipal().getName();
    }

    private static Response answer(EditionView edition) {
        return Response.ok(edition).header(HttpHeaders.ETAG, edition.etag()).build();
    }

}
