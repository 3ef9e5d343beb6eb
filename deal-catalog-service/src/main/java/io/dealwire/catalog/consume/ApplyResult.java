package io.dealwire.catalog.consume;

/** What a batch did: events applied, skipped as duplicates, and withdrawals of unknown deals ignored. */
public record ApplyResult(int applied, int duplicates, int ignored) {

    public static final ApplyResult NOTHING = new ApplyResult(0, 0, 0);

    public ApplyResult plus(ApplyResult other) {
        return new ApplyResult(applied + other.applied, duplicates + other.duplicates, ignored + other.ignored);
    }
}
