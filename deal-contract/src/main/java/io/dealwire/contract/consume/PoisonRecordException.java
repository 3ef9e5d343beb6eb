package io.dealwire.contract.consume;

/**
 * A record of {@code dealwire.deals.v1} that can never be applied, however often it is retried: it
 * cannot be read or validated against the contract, or the database rejects its values. Every
 * consumer sends it to its dead-letter topic with this message as the reason.
 */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public PoisonRecordException(String reason) {
        super(reason);
    }

    /** A valid record the database rejects (or a bug): the reason is what the deepest cause says. */
    public static PoisonRecordException cannotBeApplied(Throwable failure) {
        return new PoisonRecordException("cannot be applied: " + RootCause.of(failure), failure);
    }
}
