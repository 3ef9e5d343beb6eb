package io.dealwire.localstack;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/**
 * One mail the catcher kept, as received, with the mailboxes it reached (a mail to two recipients is
 * one mail in two mailboxes).
 *
 * @param id a digest of the raw text: the same mail keeps its id however often the catcher is asked
 * @param mailboxes the envelope recipients, Bcc included
 * @param raw the mail as the catcher received it (what a {@code .eml} file holds)
 */
public record CaughtMail(String id, List<String> mailboxes, String raw, MimeMessage message) {

    static CaughtMail of(String raw, List<String> mailboxes, MimeMessage message) {
        return new CaughtMail(idOf(raw), List.copyOf(mailboxes), raw, message);
    }

    static String idOf(String raw) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The Date header, or null when the sender set none (such mails sort last). */
    public Date sent() {
        try {
            return message.getSentDate();
        } catch (MessagingException e) {
            return null;
        }
    }
}
