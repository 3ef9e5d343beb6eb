package io.dealwire.digest.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A desk session cookie → the signed-in editor (role editor only, also for the admin key: a cookie
 * never carries admin rights), with the session's CSRF token and hash as attributes. An unknown or
 * expired session fails.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<DeskSessionRequest> {

    /** Attribute of a desk identity: the CSRF token its forms must carry. */
    public static final String CSRF_TOKEN = "dealwire.desk.csrf-token";
    /** Attribute of a desk identity: the SHA-256 of its session token, to close the session. */
    public static final String SESSION_HASH = "dealwire.desk.session-hash";

    @Inject
    DeskSessions sessions;

    @Override
    public Class<DeskSessionRequest> getRequestType() {
        return DeskSessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(DeskSessionRequest request, AuthenticationRequestContext context) {
        // a database read: off the event loop
        return context.runBlocking(() -> sessions.find(request.token())
                .map(session -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(session.editor()))
                        .addRole(Roles.EDITOR)
                        .addAttribute(CSRF_TOKEN, session.csrfToken())
                        .addAttribute(SESSION_HASH, session.tokenHash())
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("no such desk session, or expired")));
    }
}
