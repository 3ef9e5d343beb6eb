package io.dealwire.catalog.consume;

/** What a batch did: events applied, and events skipped as duplicates. */
public record ApplyResult(int applied, int duplicates) {

    public static final ApplyResult NOTHING = new ApplyResult(0, 0);

    public ApplyResult plus(ApplyResult other) {
        return new ApplyResult(applied + other.applied, duplicates + other.duplicates);
    }
}
