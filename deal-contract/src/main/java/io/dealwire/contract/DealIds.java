package io.dealwire.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.UUID;

/**
 * Deterministic ids, so retries never create a second deal or revision (PRODUCT.md, "Partner API").
 * Both are RFC 9562 version 5 (SHA-1, name-based) UUIDs in namespaces of our own; name parts are
 * joined with U+0000, which cannot occur in a partner id or an externalId, so parts never run together.
 *
 * <p>The namespaces and the name layout are part of the contract: changing them changes every id.
 *
 * <p>Consumers deduplicate by comparing an event's id with the <em>last applied</em> event of the
 * deal, not with every id ever seen: submitting A, then B, then A again legitimately repeats A's id,
 * and so does withdrawing a deal a second time after re-submitting it.
 */
public final class DealIds {

    /** Namespace of {@link #dealId}. Never change. */
    public static final UUID DEAL_NAMESPACE = UUID.fromString("55daaf42-5e9f-4615-8234-c3d45312f79b");
    /** Namespace of {@link #eventId}. Never change. */
    public static final UUID EVENT_NAMESPACE = UUID.fromString("8c0a62b8-9a37-4e7a-aa9a-7881711beef6");

    private static final String SEPARATOR = "\u0000";
    private static final MessageDigest SHA1 = newSha1();

    private DealIds() {
    }

    /** The deal named by (partner, externalId); the Kafka key of all its events. */
    public static UUID dealId(String partnerId, String externalId) {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(externalId, "externalId");
        return nameBased(DEAL_NAMESPACE, partnerId + SEPARATOR + externalId);
    }

    /**
     * The event id: the same for the same type, partner, externalId and canonical deal
     * ({@link DealJson#canonical}), so an identical resubmission can be dropped by consumers.
     *
     * @param canonicalDealJson the canonical deal, or {@code null} for a withdrawal
     */
    public static UUID eventId(EventType type, String partnerId, String externalId, String canonicalDealJson) {
        return eventIdOfUtf8(type, partnerId, externalId,
                canonicalDealJson == null ? null : canonicalDealJson.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #eventId(EventType, String, String, String)} of the canonical deal as UTF-8 ({@link DealJson#canonicalBytes}). */
    public static UUID eventIdOfUtf8(EventType type, String partnerId, String externalId, byte[] canonicalDealUtf8) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(externalId, "externalId");
        String prefix = type.json() + SEPARATOR + partnerId + SEPARATOR + externalId + SEPARATOR;
        return nameBased(EVENT_NAMESPACE, prefix.getBytes(StandardCharsets.UTF_8),
                canonicalDealUtf8 == null ? new byte[0] : canonicalDealUtf8);
    }

    /** A version 5 UUID of {@code name} (UTF-8) in {@code namespace}. */
    public static UUID nameBased(UUID namespace, String name) {
        return nameBased(namespace, name.getBytes(StandardCharsets.UTF_8), new byte[0]);
    }

    /** The name is {@code head} followed by {@code tail}: hashed in place, never concatenated. */
    private static UUID nameBased(UUID namespace, byte[] head, byte[] tail) {
        MessageDigest sha1 = sha1();
        sha1.update(toBytes(namespace));
        sha1.update(head);
        byte[] hash = sha1.digest(tail);
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (hash[i] & 0xff);
            lsb = (lsb << 8) | (hash[i + 8] & 0xff);
        }
        return new UUID(msb, lsb);
    }

    /** A clone of a prototype: cheaper than the provider look-up of {@code getInstance} on every id. */
    private static MessageDigest sha1() {
        try {
            return (MessageDigest) SHA1.clone();
        } catch (CloneNotSupportedException e) {
            return newSha1();
        }
    }

    private static MessageDigest newSha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }

    private static byte[] toBytes(UUID uuid) {
        byte[] bytes = new byte[16];
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (msb >>> (56 - 8 * i));
            bytes[i + 8] = (byte) (lsb >>> (56 - 8 * i));
        }
        return bytes;
    }
}
