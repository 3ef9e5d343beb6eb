package io.dealwire.digest.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An admin or editor key → its caller (hashes compared in {@link AccessKeys}); an unknown key fails. */
@ApplicationScoped
public class KeyIdentityProvider implements IdentityProvider<ApiKeyRequest> {

    @Inject
    AccessKeys keys;

    @Override
    public Class<ApiKeyRequest> getRequestType() {
        return ApiKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyRequest request, AuthenticationRequestContext context) {
        // hashing and comparing a few dozen bytes: no need to leave the event loop
        return keys.callerOf(request.key())
                .map(caller -> Uni.createFrom().<SecurityIdentity>item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(caller.name()))
                        .addRoles(caller.roles())
                        .build()))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("unknown key")));
    }
}
