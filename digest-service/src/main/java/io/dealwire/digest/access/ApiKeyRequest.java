package io.dealwire.digest.access;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A key presented as {@code Authorization: Bearer <key>} or typed into the desk's sign-in form. */
public final class ApiKeyRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
