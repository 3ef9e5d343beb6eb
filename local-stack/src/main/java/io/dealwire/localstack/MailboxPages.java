package io.dealwire.localstack;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;

/**
 * The mailbox's HTML. Mails carry partner text, so every value is escaped; a mail's HTML is shown only
 * inside a sandboxed iframe (no script, no forms, no access to this page). No JavaScript at all.
 */
final class MailboxPages {

    private static final String TITLE = "Deal Wire mailbox";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx")
            .withZone(ZoneId.systemDefault());
    private static final String CSS = """
            body{font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;max-width:64rem;margin:0 auto;padding:.75rem}
            h1{font-size:1.4rem;overflow-wrap:anywhere}h2{font-size:1.1rem;margin-top:1.5rem}
            table{border-collapse:collapse;width:100%}
            th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #ddd;
            overflow-wrap:anywhere}
            .headers{font-size:.85rem}.headers th{white-space:nowrap}
            pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f5f5f5;padding:.75rem;font-size:.85rem}
            iframe{width:100%;height:75vh;border:1px solid #ccc;background:#fff}
            .meta{color:#555}
            @media (max-width:640px){.mails thead{display:none}.mails tr,.mails td{display:block}
            .mails tr{border-bottom:1px solid #ddd;padding:.5rem 0}.mails td{border:0;padding:0}
            .mails td[data-label]::before{content:attr(data-label) " ";color:#555}}
            """;

    private MailboxPages() {
    }

    static String list(List<CaughtMail> mails) {
        StringBuilder body = new StringBuilder("<h1>Mailbox</h1>\n<p class=\"meta\">")
                .append(mails.size()).append(" mail(s) caught by the local stack's SMTP catcher, newest first.</p>\n");
        if (mails.isEmpty()) {
            return page(TITLE, body.append("<p>No mail yet.</p>\n").toString());
        }
        body.append("<table class=\"mails\">\n<thead><tr><th>Date</th><th>From</th><th>To</th><th>Subject</th>"
                + "</tr></thead>\n<tbody>\n");
        for (CaughtMail mail : mails) {
            body.append("<tr><td>").append(escape(date(mail)))
                    .append("</td><td data-label=\"From\">").append(escape(header(mail.message(), "From")))
                    .append("</td><td data-label=\"To\">").append(escape(recipients(mail)))
                    .append("</td><td><a href=\"/").append(MailboxServer.path(mail.id())).append("\">")
                    .append(escape(subject(mail))).append("</a></td></tr>\n");
        }
        return page(TITLE, body.append("</tbody>\n</table>\n").toString());
    }

    static String message(CaughtMail mail) {
        String link = "/" + MailboxServer.path(mail.id());
        StringBuilder body = new StringBuilder("<p><a href=\"/\">All mail</a> · <a href=\"").append(link)
                .append(".eml\" download>Download .eml</a></p>\n<h1>").append(escape(subject(mail))).append("</h1>\n")
                .append("<p class=\"meta\">Delivered to ").append(escape(String.join(", ", mail.mailboxes())))
                .append("</p>\n<h2>Headers</h2>\n<table class=\"headers\">\n");
        for (Header header : headers(mail.message())) {
            body.append("<tr><th>").append(escape(header.getName())).append("</th><td>")
                    .append(escape(decoded(header.getValue()))).append("</td></tr>\n");
        }
        body.append("</table>\n<h2>HTML part</h2>\n");
        // srcdoc is an attribute: escaped once here, the browser unescapes it into the mail's own HTML
        Mails.part(mail.message(), "text/html").ifPresentOrElse(
                html -> body.append("<iframe sandbox srcdoc=\"").append(escape(html))
                        .append("\" title=\"The mail's HTML part\"></iframe>\n"),
                () -> body.append("<p>No HTML part.</p>\n"));
        body.append("<h2>Text part</h2>\n");
        Mails.part(mail.message(), "text/plain").ifPresentOrElse(
                text -> body.append("<pre>").append(escape(text)).append("</pre>\n"),
                () -> body.append("<p>No text part.</p>\n"));
        return page(subject(mail) + " · " + TITLE, body.toString());
    }

    static String problem(String title, String detail) {
        return page(title + " · " + TITLE, "<h1>" + escape(title) + "</h1>\n<p>" + escape(detail)
                + "</p>\n<p><a href=\"/\">All mail</a></p>\n");
    }

    /** Text for HTML content and for double- or single-quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n"
                + "<body>\n" + body + "</body>\n</html>\n";
    }

    private static String subject(CaughtMail mail) {
        try {
            String subject = mail.message().getSubject();
            return subject == null || subject.isBlank() ? "(no subject)" : subject;
        } catch (MessagingException e) {
            return "(unreadable subject)";
        }
    }

    private static String date(CaughtMail mail) {
        return mail.sent() == null ? "" : DATE.format(mail.sent().toInstant());
    }

    /** The To header as written, or the mailboxes the mail reached when it has none (Bcc only). */
    private static String recipients(CaughtMail mail) {
        String to = header(mail.message(), "To");
        return to.isEmpty() ? String.join(", ", mail.mailboxes()) : to;
    }

    private static String header(MimeMessage message, String name) {
        try {
            String value = message.getHeader(name, ", ");
            return value == null ? "" : decoded(value);
        } catch (MessagingException e) {
            return "";
        }
    }

    private static List<Header> headers(MimeMessage message) {
        try {
            return Collections.list(message.getAllHeaders());
        } catch (MessagingException e) {
            return List.of();
        }
    }

    /** RFC 2047 encoded words (=?UTF-8?Q?...?=) as the text they stand for, folded lines joined. */
    private static String decoded(String value) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (UnsupportedEncodingException e) {
            return value;
        }
    }
}
