package io.dealwire.browser;

import io.dealwire.localstack.MailCatcher;
import io.dealwire.localstack.Mails;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** The mailboxes of the stack's SMTP catcher (GreenMail standalone, read over its REST API). */
final class Inbox {

    static final Duration MAIL_WAIT = Duration.ofSeconds(90);

    private final MailCatcher catcher;

    Inbox(MailCatcher catcher) {
        this.catcher = catcher;
    }

    List<MimeMessage> messagesFor(String email) {
        try {
            return catcher.messagesFor(email);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits (generously) for a mail to the address that matches. */
    MimeMessage await(String email, String what, Predicate<MimeMessage> matching) {
        return Awaitility.await().alias(what + " for " + email).atMost(MAIL_WAIT).pollInterval(Duration.ofMillis(300))
                .until(() -> messagesFor(email).stream().filter(matching).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /** The link in the mail's plain-text part whose path contains the fragment, e.g. {@code /confirm/}. */
    static String link(MimeMessage mail, String pathFragment) {
        return Mails.links(Mails.text(mail)).stream().filter(link -> link.contains(pathFragment)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + pathFragment + " link in:\n" + Mails.text(mail)));
    }

    /** A digest carries RFC 8058 unsubscribe headers and links to its own archive page. */
    static Predicate<MimeMessage> digestOf(String week) {
        return mail -> header(mail, "List-Unsubscribe").isPresent()
                && Mails.text(mail).contains("/digests/" + week);
    }

    static Predicate<MimeMessage> confirmation() {
        return mail -> Mails.text(mail).contains("/confirm/");
    }

    static Optional<String> header(MimeMessage mail, String name) {
        try {
            String[] values = mail.getHeader(name);
            return values == null ? Optional.empty() : Optional.of(values[0]);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
