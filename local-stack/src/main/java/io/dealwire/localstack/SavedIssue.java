package io.dealwire.localstack;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo's delivered issue kept as files, so it can be read after the stack is gone: the mail as
 * received ({@code .eml}, for a mail client), its HTML part (for a browser) and its text part.
 */
public record SavedIssue(Path eml, Path html, Path text) {

    static SavedIssue save(MimeMessage message, Path dir, String week) throws IOException, MessagingException {
        Files.createDirectories(dir);
        String name = "issue-" + week;
        Path eml = dir.resolve(name + ".eml");
        try (OutputStream out = Files.newOutputStream(eml)) {
            message.writeTo(out);
        }
        Path html = Files.writeString(dir.resolve(name + ".html"), Mails.part(message, "text/html").orElse(""));
        Path text = Files.writeString(dir.resolve(name + ".txt"), Mails.part(message, "text/plain").orElse(""));
        return new SavedIssue(eml, html, text);
    }
}
