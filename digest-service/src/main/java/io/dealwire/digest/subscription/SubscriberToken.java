package io.dealwire.digest.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A link token, stored only as its SHA-256 hash. CONFIRM tokens carry the preferences asked for
 * and are used once. UNSUBSCRIBE rows are the per-mail tokens of digests sent before Flyway V3 (now
 * every digest carries the subscriber's stable {@link Subscriber#unsubscribeToken}); they stay valid
 * (a subscriber may unsubscribe, re-subscribe and unsubscribe again from the same mail).
 */
@Entity
@Table(name = "subscriber_token")
public class SubscriberToken extends PanacheEntityBase {

    public enum Purpose { CONFIRM, UNSUBSCRIBE }

    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "subscriber_id", nullable = false)
    public Long subscriberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    public String name;

    public String stages;

    public String countries;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    /** The token of this purpose whose hash matches, if it is still usable. */
    public static Optional<SubscriberToken> findUsable(String rawToken, Purpose purpose, Instant now) {
        if (!Tokens.isWellFormed(rawToken)) {
            return Optional.empty();
        }
        Optional<SubscriberToken> token = findByIdOptional(Tokens.hash(rawToken));
        return token.filter(t -> t.purpose == purpose
                && t.usedAt == null
                && (t.expiresAt == null || t.expiresAt.isAfter(now)));
    }
}
