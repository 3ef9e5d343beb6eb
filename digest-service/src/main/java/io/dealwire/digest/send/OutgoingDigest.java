package io.dealwire.digest.send;

/** One subscriber's rendered issue, claimed (SENDING) and ready for SMTP. */
public record OutgoingDigest(String week, long subscriberId, String email, String messageId, String subject,
        String html, String text, String unsubscribeUrl) {
}
