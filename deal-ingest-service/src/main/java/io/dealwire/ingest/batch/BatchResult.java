package io.dealwire.ingest.batch;

import java.util.List;

/** The answer to a batch: counts, then one result per item in request order. */
public record BatchResult(int accepted, int rejected, int failed, List<BatchItemResult> results) {

    static BatchResult of(List<BatchItemResult> results) {
        return new BatchResult(count(results, BatchItemResult.Status.ACCEPTED),
                count(results, BatchItemResult.Status.REJECTED),
                count(results, BatchItemResult.Status.FAILED), List.copyOf(results));
    }

    private static int count(List<BatchItemResult> results, BatchItemResult.Status status) {
        return (int) results.stream().filter(r -> r.status() == status).count();
    }
}
