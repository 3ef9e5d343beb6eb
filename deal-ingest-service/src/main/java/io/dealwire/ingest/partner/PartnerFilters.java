package io.dealwire.ingest.partner;

import io.dealwire.problem.Problem;
import io.dealwire.problem.ProblemException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import java.util.OptionalLong;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authentication and rate limiting of {@code /api/}. Pre-matching, so a caller without a valid key
 * learns nothing else (not even 404/405/415) and nothing is read or published: 401 comes first, then 429.
 */
public class PartnerFilters {

    static final String API_PREFIX = "/api/";
    private static final String BEARER = "Bearer ";

    private final ApiKeys apiKeys;
    private final RateLimiter rateLimiter;
    private final AuthenticatedPartner partner;

    PartnerFilters(ApiKeys apiKeys, RateLimiter rateLimiter, AuthenticatedPartner partner) {
        this.apiKeys = apiKeys;
        this.rateLimiter = rateLimiter;
        this.partner = partner;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public void authenticate(ContainerRequestContext request) {
        if (!isPartnerApi(request)) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<String> partnerId = Optional.empty();
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            partnerId = apiKeys.partnerFor(header.substring(BEARER.length()).trim());
        }
        if (partnerId.isEmpty()) {
            String detail = header == null ? "missing Authorization: Bearer <api key>" : "unknown API key";
            throw new ProblemException(Problem.of(401, detail))
                    .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"dealwire\"");
        }
        partner.set(partnerId.get());
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION + 1)
    public void limitRate(ContainerRequestContext request) {
        if (!isPartnerApi(request)) {
            return;
        }
        OptionalLong retryAfter = rateLimiter.tryAcquire(partner.id());
        if (retryAfter.isPresent()) {
            throw new ProblemException(Problem.of(429, "rate limit of partner " + partner.id() + " exceeded"))
                    .withHeader("Retry-After", retryAfter.getAsLong());
        }
    }

    private static boolean isPartnerApi(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return (path.startsWith("/") ? path : "/" + path).startsWith(API_PREFIX);
    }
}
