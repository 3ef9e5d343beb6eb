package io.dealwire.ingest.metrics;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Counts every error answer of the partner API by reason, wherever it was decided (filter, mapper, resource). */
public class RejectionMetricsFilter {

    private final IngestMetrics metrics;

    RejectionMetricsFilter(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    @ServerResponseFilter
    public void count(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (response.getStatus() >= 400 && (path.startsWith("/api/") || path.startsWith("api/"))) {
            metrics.rejected(RejectionReason.ofStatus(response.getStatus()));
        }
    }
}
