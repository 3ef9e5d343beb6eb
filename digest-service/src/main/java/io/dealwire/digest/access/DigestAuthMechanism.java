package io.dealwire.digest.access;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * The one way a digest caller is authenticated. Two credentials:
 * <ul>
 * <li>{@code Authorization: Bearer <key>} anywhere: an admin or editor key ({@link KeyIdentityProvider});</li>
 * <li>under {@code /desk}, the {@code dw_desk} session cookie set by the desk's sign-in
 * ({@link SessionIdentityProvider}).</li>
 * </ul>
 * No credential → anonymous (public pages stay public; {@code @RolesAllowed} resources then answer 401,
 * desk pages redirect to the sign-in, see {@link AccessProblems}).
 */
@ApplicationScoped
public class DigestAuthMechanism implements HttpAuthenticationMechanism {

    public static final String DESK = "/desk";
    public static final String SIGN_IN = "/desk/sign-in";
    public static final String COOKIE = "dw_desk";
    private static final String BEARER = "Bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return identities.authenticate(withContext(new ApiKeyRequest(authorization.substring(BEARER.length()).trim()),
                    context));
        }
        Cookie session = isDesk(context.normalizedPath()) ? context.request().getCookie(COOKIE) : null;
        if (session != null && !session.getValue().isEmpty()) {
            return identities.authenticate(withContext(new DeskSessionRequest(session.getValue()), context));
        }
        return Uni.createFrom().optional(java.util.Optional.empty());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (isDesk(context.normalizedPath())) {
            return Uni.createFrom().item(new ChallengeData(303, HttpHeaders.LOCATION, SIGN_IN));
        }
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyRequest.class, DeskSessionRequest.class);
    }

    static boolean isDesk(String path) {
        return path != null && (path.equals(DESK) || path.startsWith(DESK + "/"));
    }

    private static AuthenticationRequest withContext(AuthenticationRequest request, RoutingContext context) {
        return HttpSecurityUtils.setRoutingContextAttribute(request, context);
    }
}
