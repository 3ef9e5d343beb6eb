package io.dealwire.localstack;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading what the services mailed: subject, the text and HTML parts, the links in them. */
public final class Mails {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

    private Mails() {
    }

    /** The first part of the given type (e.g. {@code text/plain}), decoded, searching multiparts depth first. */
    public static Optional<String> part(Part message, String mimeType) {
        try {
            if (message.isMimeType(mimeType) && !Part.ATTACHMENT.equalsIgnoreCase(message.getDisposition())) {
                return Optional.of(message.getContent().toString());
            }
            if (message.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) message.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    Optional<String> found = part(body, mimeType);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable mail", e);
        }
    }

    /** The plain-text part, or the HTML part when there is no text alternative. */
    public static String text(Part message) {
        return part(message, "text/plain").or(() -> part(message, "text/html")).orElse("");
    }

    public static List<String> links(String text) {
        List<String> links = new ArrayList<>();
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            links.add(matcher.group());
        }
        return links;
    }
}
