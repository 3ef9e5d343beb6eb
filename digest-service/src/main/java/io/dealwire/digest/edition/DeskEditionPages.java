package io.dealwire.digest.edition;

import io.dealwire.contract.IsoWeek;
import io.dealwire.digest.access.DeskSession;
import io.dealwire.digest.access.Roles;
import io.dealwire.digest.issue.WeekParam;
import io.dealwire.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The desk's week page: edit the edition, preview the email, approve. The same {@link Editions} as
 * the API, so the same rules and optimistic concurrency (the form's hidden version is the If-Match).
 * A refused save answers the page again with the editor's text kept: 400 with a message at each
 * field, 409 when someone saved in between (a form is no conditional request, so not the API's 412)
 * or when the week has been sent.
 */
@Path("/desk/weeks/{week}")
@RolesAllowed(Roles.EDITOR)
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Editor desk")
public class DeskEditionPages {

    static final String CONFLICT = "Someone saved this edition in between (now version %d, by %s). Your text is "
            + "kept below and nothing of it was saved: compare with the current version (reload the page) "
            + "or save again to replace it with yours.";
    static final String SENT = "This week has been sent; its edition is final and can no longer be changed.";
    private static final int PHONE = 390;
    private static final int EMAIL = 600;

    @CheckedTemplate(basePath = "desk")
    static class Templates {
        static native TemplateInstance week(DeskEditionPage page);
    }

    @Inject
    DeskEditionViews views;

    @Inject
    Editions editions;

    @Inject
    DeskSession desk;

    @Inject
    Validator validator;

    @GET
    @Operation(summary = "The week's edition form beside the computed lead, the deals, the email preview")
    public TemplateInstance page(@PathParam("week") String week, @QueryParam("saved") Integer saved,
            @QueryParam("approved") Integer approved, @QueryParam("reopened") boolean reopened,
            @QueryParam("width") Integer width) {
        String notice = null;
        if (saved != null) {
            notice = "Saved (version " + saved + ")." + (reopened ? " It was approved: it is a draft again, approve it"
                    + " once more when it is ready." : "");
        } else if (approved != null) {
            notice = "Approved (version " + approved + ").";
        }
        return page(WeekParam.parse(week), null, Map.of(), notice, null, width != null && width == PHONE ? PHONE : EMAIL);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Save the form (fields, csrf, version): 303 back, or the page again with 400 / 409")
    public Response save(@PathParam("week") String week, MultivaluedMap<String, String> posted) {
        desk.requireCsrf(posted.getFirst(DeskSession.CSRF_FIELD));
        IsoWeek iso = WeekParam.parse(week);
        DeskForm form = DeskForm.of(posted);
        EditorFields fields = form.fields();
        Set<ConstraintViolation<EditorFields>> violations = validator.validate(fields);
        if (!violations.isEmpty()) {
            return again(400, iso, form, DeskErrors.ofViolations(violations), null);
        }
        boolean wasApproved = editions.read(iso).status() == Edition.Status.APPROVED;
        try {
            EditionView savedView = editions.save(iso, fields, ifMatch(form.version()), desk.editor());
            UriBuilder back = UriBuilder.fromPath("/desk/weeks/{week}").queryParam("saved", savedView.version());
            if (wasApproved) {
                back.queryParam("reopened", true);
            }
            return Response.seeOther(back.build(week)).build();
        } catch (ProblemException refused) {
            return refused(iso, form, refused);
        }
    }

    @POST
    @Path("approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Approve the saved edition (csrf, version): 303 back, or the page again with 409")
    public Response approve(@PathParam("week") String week, MultivaluedMap<String, String> posted) {
        desk.requireCsrf(posted.getFirst(DeskSession.CSRF_FIELD));
        IsoWeek iso = WeekParam.parse(week);
        try {
            EditionView approved = editions.approve(iso, ifMatch(posted.getFirst("version")), desk.editor());
            return Response.seeOther(UriBuilder.fromPath("/desk/weeks/{week}")
                    .queryParam("approved", approved.version()).build(week)).build();
        } catch (ProblemException refused) {
            return refused(iso, null, refused);
        }
    }

    @GET
    @Path("preview.html")
    @Operation(summary = "The email's HTML part exactly as the admin send would send it now (for the preview iframe)")
    public Response previewHtml(@PathParam("week") String week) {
        String html = views.previewHtml(WeekParam.parse(week))
                .orElseThrow(() -> new ProblemException(404, "Week " + week + " has no deal: nothing would be sent."));
        // the page frames it sandboxed; the header keeps it script-free when opened on its own too
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", "sandbox; script-src 'none'; object-src 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store").build();
    }

    private Response refused(IsoWeek week, DeskForm form, ProblemException refused) {
        int status = refused.problem().status();
        if (status == 400 && form != null) {
            return again(400, week, form, DeskErrors.of(refused.problem().errors()), null);
        }
        if (status == 412) {
            EditionView now = editions.read(week);
            String alert = CONFLICT.formatted(now.version(), now.updatedBy() == null ? "someone" : now.updatedBy());
            return again(409, week, form == null ? null : form.atCurrentVersion(), Map.of(), alert);
        }
        if (status == 409) {
            return again(409, week, null, Map.of(), SENT);
        }
        throw refused;
    }

    private Response again(int status, IsoWeek week, DeskForm form, Map<String, String> errors, String alert) {
        String summary = alert != null ? alert : "Nothing was saved: see the messages at the fields below.";
        return Response.status(status).entity(page(week, form, errors, null, summary, EMAIL)).build();
    }

    private TemplateInstance page(IsoWeek week, DeskForm form, Map<String, String> errors, String notice,
            String alert, int width) {
        return Templates.week(views.page(week, form, errors, notice, alert, width, desk.csrfToken()));
    }

    /** The hidden field carries the bare version; Editions compares it as the API's ETag. */
    private static String ifMatch(String version) {
        return version == null || version.isBlank() ? null : Editions.etag(parseVersion(version));
    }

    private static int parseVersion(String version) {
        try {
            return Integer.parseInt(version.strip());
        } catch (NumberFormatException e) {
            return -1; // matches no version: the save is refused as stale
        }
    }
}
