package io.dealwire.digest.access;

import io.dealwire.digest.edition.DeskWeek;
import io.dealwire.digest.edition.DeskWeeks;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The editor desk's sign-in and home. Signing in checks the typed key through the same identity
 * providers as a {@code Bearer} key, then opens a server-side session (cookie {@code dw_desk}); every
 * desk page after that is authenticated by the cookie and each form carries the session's CSRF token.
 */
@Path(DigestAuthMechanism.DESK)
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Editor desk", description = "HTML pages for editors; sign in with an editor key")
public class DeskPages {

    @CheckedTemplate(basePath = "desk")
    static class Templates {
        static native TemplateInstance signIn(String error);

        static native TemplateInstance home(String editor, String csrfToken, List<DeskWeek> weeks,
                List<DeskWeek> sent);
    }

    @Inject
    IdentityProviderManager identities;

    @Inject
    DeskSessions sessions;

    @Inject
    DeskCookies cookies;

    @Inject
    DeskSession desk;

    @Inject
    DeskWeeks weeks;

    @GET
    @Path("sign-in")
    @Operation(summary = "The desk's sign-in form")
    public TemplateInstance signInForm() {
        return Templates.signIn(null);
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign in with an editor key: a session cookie and 303 to /desk, or the form again with 401")
    public Response signIn(@FormParam("key") String key) {
        SecurityIdentity identity;
        try {
            identity = key == null || key.isBlank() ? null : identities.authenticateBlocking(new ApiKeyRequest(key.trim()));
        } catch (AuthenticationFailedException e) {
            identity = null;
        }
        if (identity == null || !identity.hasRole(Roles.EDITOR)) {
            return Response.status(401).entity(Templates.signIn("That is not an editor key. Check it and try again."))
                    .build();
        }
        String token = sessions.open(identity.getPrincipal().getName());
        return Response.seeOther(URI.create(DigestAuthMechanism.DESK)).cookie(cookies.session(token)).build();
    }

    @GET
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "The desk: the weeks to work on and the last sent ones (signed in; otherwise 303 to the sign-in)")
    public TemplateInstance home() {
        return Templates.home(desk.editor(), desk.csrfToken(), weeks.open(), weeks.recentlySent());
    }

    @POST
    @Path("sign-out")
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign out: the session is deleted, the cookie cleared (form with the CSRF token)")
    public Response signOut(@FormParam(DeskSession.CSRF_FIELD) String csrf) {
        desk.requireCsrf(csrf);
        sessions.close(desk.sessionHash());
        return Response.seeOther(URI.create(DigestAuthMechanism.SIGN_IN)).cookie(cookies.cleared()).build();
    }
}
