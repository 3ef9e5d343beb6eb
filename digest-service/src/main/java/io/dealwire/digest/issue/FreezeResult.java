package io.dealwire.digest.issue;

/**
 * What asking for an issue did: froze it now, found it frozen already, found no deal for it, or (the
 * weekly job with approval required) left it alone because its edition is not approved.
 */
public record FreezeResult(Outcome outcome, String week) {

    public enum Outcome { CREATED, EXISTING, EMPTY, UNAPPROVED }
}
