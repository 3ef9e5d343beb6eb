package io.dealwire.digest.send;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** The value of a {@code dealwire.digests.v1} record (key = week). {@code recipients} = mails sent. */
public record IssueSummary(String week, String subject, int dealCount, Map<String, BigDecimal> disclosedValue,
        int recipients, Instant sentAt) {
}
