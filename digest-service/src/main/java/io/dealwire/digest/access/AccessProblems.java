package io.dealwire.digest.access;

import io.dealwire.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Security failures in the shape of every other error: 401 and 403 as {@code application/problem+json}
 * (401 with {@code WWW-Authenticate: Bearer}), no stack trace. Under {@code /desk} a caller who is not
 * signed in (no cookie, or an expired or closed session) is sent to the sign-in page instead.
 * These mappers take precedence over the built-in ones, which answer with an empty body.
 */
public class AccessProblems {

    @Inject
    DeskCookies cookies;

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return notAuthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return notAuthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(403, "This key does not allow this call.").withInstance(path(uri)).toResponse();
    }

    private Response notAuthenticated(UriInfo uri) {
        String path = path(uri);
        if (DigestAuthMechanism.isDesk(path)) {
            return Response.seeOther(URI.create(DigestAuthMechanism.SIGN_IN)).cookie(cookies.cleared()).build();
        }
        return Response.fromResponse(Problem.of(401, "A valid key is required: Authorization: Bearer <key>.")
                .withInstance(path).toResponse()).header("WWW-Authenticate", "Bearer").build();
    }

    private static String path(UriInfo uri) {
        return "/" + uri.getPath().replaceFirst("^/", "");
    }
}
