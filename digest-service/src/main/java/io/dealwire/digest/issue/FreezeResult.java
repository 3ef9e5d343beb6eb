package io.dealwire.digest.issue;

/** What asking for an issue did: froze it now, found it frozen already, or found no deal for it. */
public record FreezeResult(Outcome outcome, String week) {

    public enum Outcome { CREATED, EXISTING, EMPTY }
}
