package io.dealwire.digest.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signed-in editor (Flyway V5): only the SHA-256 of the session token is stored. */
@Entity
@Table(name = "desk_session")
public class DeskSessionRow extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    @Column(nullable = false)
    public String editor;

    @Column(name = "csrf_token", nullable = false)
    public String csrfToken;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
