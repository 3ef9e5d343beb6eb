package io.dealwire.digest.deals;

/**
 * A record that can never be applied (bad JSON, unknown type, invalid deal). Thrown from the
 * consumer, it nacks the record and SmallRye writes it to the dead-letter topic with this message
 * as {@code dead-letter-reason}.
 */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
