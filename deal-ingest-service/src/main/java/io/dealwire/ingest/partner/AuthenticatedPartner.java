package io.dealwire.ingest.partner;

import jakarta.enterprise.context.RequestScoped;

/** The partner of the current request, set by {@link PartnerFilters} before any resource runs. */
@RequestScoped
public class AuthenticatedPartner {

    private String id;

    /** The partner id; never {@code null} inside a partner API resource. */
    public String id() {
        if (id == null) {
            throw new IllegalStateException("no authenticated partner on this request");
        }
        return id;
    }

    void set(String partnerId) {
        this.id = partnerId;
    }
}
