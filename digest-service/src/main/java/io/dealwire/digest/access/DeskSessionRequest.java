package io.dealwire.digest.access;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The desk's session cookie ({@code dw_desk}) of a request under {@code /desk}. */
public final class DeskSessionRequest extends BaseAuthenticationRequest {

    private final String token;

    public DeskSessionRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
