package io.dealwire.digest.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** An issue's progress. {@code status} is EMPTY (no deal, nothing frozen), SENDING or SENT. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssueState(String week, String status, String subject, int dealCount,
        Map<String, BigDecimal> disclosedValue, int recipients, Map<String, Long> deliveries, Instant frozenAt,
        Instant completedAt, Instant summaryPublishedAt) {

    public static IssueState empty(String week) {
        return new IssueState(week, "EMPTY", null, 0, Map.of(), 0, Map.of(), null, null, null);
    }
}
