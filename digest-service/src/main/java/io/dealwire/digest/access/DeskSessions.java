package io.dealwire.digest.access;

import io.dealwire.digest.subscription.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Opens, finds and closes desk sessions. The token (the cookie) is random; only its hash is kept. */
@ApplicationScoped
public class DeskSessions {

    /** A live session as the mechanism sees it. */
    public record Session(String tokenHash, String editor, String csrfToken) {
    }

    @Inject
    DeskConfig config;

    Clock clock = Clock.systemUTC();

    /** A new session for {@code editor}; answers the token to set as the cookie. Drops expired rows. */
    @Transactional
    public String open(String editor) {
        Instant now = clock.instant();
        DeskSessionRow.delete("expiresAt <= ?1", now);
        String token = Tokens.newToken();
        DeskSessionRow row = new DeskSessionRow();
        row.tokenHash = Tokens.hash(token);
        row.editor = editor;
        row.csrfToken = Tokens.newToken();
        row.createdAt = now;
        row.expiresAt = now.plus(config.sessionDuration());
        row.persist();
        return token;
    }

    /** The session of {@code token} if it exists and has not expired. */
    @Transactional
    public Optional<Session> find(String token) {
        if (!Tokens.isWellFormed(token)) {
            return Optional.empty();
        }
        return DeskSessionRow.<DeskSessionRow>findByIdOptional(Tokens.hash(token))
                .filter(row -> row.expiresAt.isAfter(clock.instant()))
                .map(row -> new Session(row.tokenHash, row.editor, row.csrfToken));
    }

    @Transactional
    public void close(String tokenHash) {
        DeskSessionRow.deleteById(tokenHash);
    }
}
