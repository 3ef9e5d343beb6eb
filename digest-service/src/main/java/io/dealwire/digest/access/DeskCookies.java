package io.dealwire.digest.access;

import io.dealwire.digest.config.DigestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;
import java.util.Locale;

/**
 * The desk's session cookie {@code dw_desk}: {@code HttpOnly} (no script reads it), {@code SameSite=Strict}
 * (no other site's page sends it), {@code Path=/desk} (the rest of the service never sees it), and
 * {@code Secure} when {@code dealwire.public-url} is https.
 */
@ApplicationScoped
public class DeskCookies {

    @Inject
    DigestConfig config;

    @Inject
    DeskConfig desk;

    public NewCookie session(String token) {
        return builder().value(token).maxAge((int) desk.sessionDuration().toSeconds()).build();
    }

    /** Tells the browser to forget the cookie. */
    public NewCookie cleared() {
        return builder().value("").maxAge(0).build();
    }

    private NewCookie.Builder builder() {
        return new NewCookie.Builder(DigestAuthMechanism.COOKIE)
                .path(DigestAuthMechanism.DESK)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .secure(config.publicUrl().toLowerCase(Locale.ROOT).startsWith("https:"));
    }
}
