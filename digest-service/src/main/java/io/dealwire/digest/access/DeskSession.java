package io.dealwire.digest.access;

import io.dealwire.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * What a desk page needs of the signed-in editor: the name, the CSRF token its forms carry, and the
 * check of a posted form's token. For an editor authenticated by a key header (no session) there is
 * no CSRF token, and every {@link #requireCsrf} fails.
 */
@RequestScoped
public class DeskSession {

    /** The form field that carries the CSRF token on every desk form. */
    public static final String CSRF_FIELD = "csrf";

    @Inject
    SecurityIdentity identity;

    public String editor() {
        return identity.getPrincipal().getName();
    }

    /** The session's CSRF token, or null when the request came with a key rather than the cookie. */
    public String csrfToken() {
        return identity.getAttribute(SessionIdentityProvider.CSRF_TOKEN);
    }

    /** The SHA-256 of the session token, or null when the request came with a key. */
    String sessionHash() {
        return identity.getAttribute(SessionIdentityProvider.SESSION_HASH);
    }

    /** 403 problem unless {@code formToken} is this session's CSRF token (compared in constant time). */
    public void requireCsrf(String formToken) {
        String expected = csrfToken();
        if (expected == null || formToken == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), formToken.getBytes(StandardCharsets.US_ASCII))) {
            throw new ProblemException(403, "The form's CSRF token is missing or wrong; reload the page and try again.");
        }
    }
}
