package io.dealwire.digest.access;

import java.util.Set;

/** Whom a key names: the principal ({@code admin}, or the editor's name) and their roles. */
public record Caller(String name, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }
}
