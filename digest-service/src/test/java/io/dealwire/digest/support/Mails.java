package io.dealwire.digest.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading what GreenMail received. */
public final class Mails {

    private static final Pattern CONFIRM_LINK = Pattern.compile("/confirm/([A-Za-z0-9_-]{43})");
    private static final Pattern UNSUBSCRIBE_LINK = Pattern.compile("<(https?://[^>]+/unsubscribe/([A-Za-z0-9_-]{43}))>");

    private Mails() {
    }

    public static List<MimeMessage> to(GreenMail greenMail, String recipient) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> isTo(m, recipient)).toList();
    }

    /** Digests of one week to one recipient (recognised by the stable Message-ID). */
    public static List<MimeMessage> digests(GreenMail greenMail, String recipient, String week) {
        return to(greenMail, recipient).stream().filter(m -> messageId(m).startsWith("<" + week + ".")).toList();
    }

    public static List<MimeMessage> digestsOfWeek(GreenMail greenMail, String week) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> messageId(m).startsWith("<" + week + ".")).toList();
    }

    public static String messageId(MimeMessage message) {
        return header(message, "Message-ID").orElse("");
    }

    public static Optional<String> header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? Optional.empty() : Optional.of(values[0]);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Optional<String> part(MimeMessage message, String mimeType) {
        try {
            return find(message, mimeType);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String confirmToken(MimeMessage message) {
        return match(CONFIRM_LINK, part(message, "text/plain").orElseThrow(), 1);
    }

    /** The URL of the List-Unsubscribe header. */
    public static String unsubscribeUrl(MimeMessage message) {
        return match(UNSUBSCRIBE_LINK, header(message, "List-Unsubscribe").orElseThrow(), 1);
    }

    public static String unsubscribeToken(MimeMessage message) {
        return match(UNSUBSCRIBE_LINK, header(message, "List-Unsubscribe").orElseThrow(), 2);
    }

    private static String match(Pattern pattern, String text, int group) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no " + pattern + " in: " + text);
        }
        return matcher.group(group);
    }

    private static Optional<String> find(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType)) {
            return Optional.of((String) part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                Optional<String> found = find(body, mimeType);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isTo(MimeMessage message, String recipient) {
        try {
            return message.getAllRecipients() != null && Arrays.stream(message.getAllRecipients())
                    .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
