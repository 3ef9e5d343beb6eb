package io.dealwire.contract.consume;

/** The innermost cause of a failure, for logs and dead-letter reasons: the database's own words, not a wrapper's. */
public final class RootCause {

    private RootCause() {
    }

    /** Type and message of the innermost cause, e.g. {@code PSQLException: ERROR: ... read-only transaction}. */
    public static String of(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
