package io.dealwire.catalog.consume;

import io.dealwire.contract.DealEvent;
import java.time.Instant;

/**
 * A valid event and where it was read: the position tells redeliveries from new events, and the
 * record timestamp is the "received" time (so a replay rebuilds the same times).
 */
public record ReceivedEvent(DealEvent event, int partition, long offset, Instant receivedAt) {
}
