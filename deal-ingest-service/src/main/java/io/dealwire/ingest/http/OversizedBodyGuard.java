package io.dealwire.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealwire.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * 413 problem+json for a body whose Content-Length exceeds the HTTP layer's backstop
 * ({@code quarkus.http.limits.max-body-size}): Vert.x would answer it with a bare 413 before any
 * application code runs. Installed just ahead of that check; the body is discarded as it arrives,
 * never stored. Chunked bodies never reach the backstop:
 * {@link BodyLimitInterceptor} stops reading at 256 KiB / 8 MiB and answers 413 problem+json itself.
 */
@ApplicationScoped
public class OversizedBodyGuard {

    /** A client declaring more than this gets its connection closed once this much is discarded. */
    private static final long MAX_DISCARDED_BYTES = 64L * 1024 * 1024;

    private final long backstopBytes;
    private final ObjectMapper mapper;

    OversizedBodyGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize backstop,
            ObjectMapper mapper) {
        this.backstopBytes = backstop.asLongValue();
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || !declaresMore(length)) {
            context.next();
            return;
        }
        HttpServerRequest request = context.request();
        // Discard what the client still sends instead of closing at once: a close with unread bytes
        // resets the connection, and clients still sending lose the answer. Never kept, and bounded.
        long[] discarded = {0};
        request.handler(chunk -> {
            discarded[0] += chunk.length();
            if (discarded[0] > MAX_DISCARDED_BYTES) {
                request.connection().close();
            }
        });
        request.resume();
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(problem(context.normalizedPath()));
    }

    /** Digits only, and longer than the backstop (a number too long for a long is too large as well). */
    private boolean declaresMore(String length) {
        if (length.isEmpty()) {
            return false;
        }
        for (int i = 0; i < length.length(); i++) {
            if (length.charAt(i) < '0' || length.charAt(i) > '9') {
                return false;
            }
        }
        return length.length() > 18 || Long.parseLong(length) > backstopBytes;
    }

    private String problem(String path) {
        Problem problem = Problem.of(413, "a single deal may have at most 256 KiB and a batch at most 8 MiB; split it")
                .withInstance(path);
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
