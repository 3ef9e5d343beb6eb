package io.dealwire.digest.send;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * A ledger row: one per (issue, subscriber). PENDING -> SENDING (committed before the SMTP call)
 * -> SENT / FAILED / OUTCOME_UNKNOWN (lost after the final dot: never resent), or back to PENDING with
 * a {@code next_attempt_at} when refused softly; SKIPPED when the subscriber left, bounced or no longer
 * matches by sending time.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    public enum Status { PENDING, SENDING, SENT, FAILED, SKIPPED, OUTCOME_UNKNOWN }

    @Embeddable
    public record Key(@Column(name = "week") String week, @Column(name = "subscriber_id") Long subscriberId)
            implements Serializable {
    }

    @EmbeddedId
    public Key id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** SMTP attempts made, over all rounds. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /** Stable per (issue, subscriber), so a resend after a crash is recognisable as the same message. */
    @Column(name = "message_id", nullable = false)
    public String messageId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** A softly refused message waits until then before its next attempt. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    public static Delivery pending(String week, long subscriberId) {
        Delivery delivery = new Delivery();
        delivery.id = new Key(week, subscriberId);
        delivery.status = Status.PENDING;
        delivery.messageId = messageId(week, subscriberId);
        delivery.updatedAt = Instant.now();
        return delivery;
    }

    public static String messageId(String week, long subscriberId) {
        return "<" + week + "." + subscriberId + "@dealwire>";
    }
}
