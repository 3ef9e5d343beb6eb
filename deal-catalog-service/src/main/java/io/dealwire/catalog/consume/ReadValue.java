package io.dealwire.catalog.consume;

import io.dealwire.contract.DealEvent;
import io.dealwire.contract.consume.PoisonRecordException;

/**
 * A record value of {@code dealwire.deals.v1} as read and checked: the text exactly as it came
 * (what a dead letter carries) and either the event or why it can never be applied.
 */
public record ReadValue(String raw, DealEvent event, PoisonRecordException poison) {

    static ReadValue event(String raw, DealEvent event) {
        return new ReadValue(raw, event, null);
    }

    static ReadValue poison(String raw, PoisonRecordException poison) {
        return new ReadValue(raw, null, poison);
    }
}
