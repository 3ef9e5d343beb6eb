package io.dealwire.digest.admin;

import io.dealwire.digest.config.DigestConfig;
import io.dealwire.digest.subscription.Tokens;
import io.dealwire.problem.Problem;
import io.dealwire.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;

/** Checks {@code Authorization: Bearer <admin key>} against {@code dealwire.admin.api-key-sha256} (hashes only). */
@ApplicationScoped
public class AdminAuth {

    private static final String BEARER = "Bearer ";

    @Inject
    DigestConfig config;

    public void check(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw unauthorized();
        }
        byte[] presented = Tokens.hash(authorization.substring(BEARER.length()).trim())
                .getBytes(StandardCharsets.US_ASCII);
        boolean known = config.admin().apiKeySha256().stream()
                .flatMap(hashes -> Arrays.stream(hashes.split(",")))
                .map(hash -> hash.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))
                // constant-time comparison: no timing hint about how much of a hash matched
                .anyMatch(hash -> MessageDigest.isEqual(hash, presented));
        if (!known) {
            throw unauthorized();
        }
    }

    private static ProblemException unauthorized() {
        return new ProblemException(Problem.of(401, "A valid admin key is required: Authorization: Bearer <key>."))
                .withHeader("WWW-Authenticate", "Bearer");
    }
}
