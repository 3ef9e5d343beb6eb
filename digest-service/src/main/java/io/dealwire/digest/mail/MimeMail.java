package io.dealwire.digest.mail;

import io.vertx.ext.mail.MailMessage;
import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.PreencodedMimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** A {@link MailMessage} written as MIME: text and HTML as alternatives, its headers kept as given. */
record MimeMail(MimeMessage message, Address[] recipients) {

    static MimeMail of(Session session, MailMessage mail, String defaultFrom) {
        try {
            MimeMessage message = new KeptIdMessage(session);
            message.setFrom(new InternetAddress(mail.getFrom() != null ? mail.getFrom() : defaultFrom, true));
            List<String> to = mail.getTo() == null ? List.of() : mail.getTo();
            Address[] recipients = new Address[to.size()];
            for (int i = 0; i < to.size(); i++) {
                recipients[i] = new InternetAddress(to.get(i), true);
            }
            message.setRecipients(MimeMessage.RecipientType.TO, recipients);
            message.setSubject(mail.getSubject(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            if (mail.getHeaders() != null) {
                for (Map.Entry<String, String> header : mail.getHeaders()) {
                    message.addHeader(header.getKey(), header.getValue());
                }
            }
            if (mail.getText() != null && mail.getHtml() != null) {
                MimeMultipart alternatives = new MimeMultipart("alternative");
                alternatives.addBodyPart(part(mail.getText(), "plain"));
                alternatives.addBodyPart(part(mail.getHtml(), "html"));
                message.setContent(alternatives);
            } else if (mail.getHtml() != null) {
                message.setText(mail.getHtml(), StandardCharsets.UTF_8.name(), "html");
            } else {
                message.setText(mail.getText() == null ? "" : mail.getText(), StandardCharsets.UTF_8.name());
            }
            message.saveChanges();
            return new MimeMail(message, recipients);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("unsendable message: " + e.getMessage(), e);
        }
    }

    /**
     * A text part written as quoted-printable UTF-8, encoded here in one pass over an array (see
     * {@link QuotedPrintable}) and sent as it is: the part Angus would write, without its per-byte
     * streams or its scan for non-ASCII bytes to choose an encoding.
     */
    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new PreencodedMimeBodyPart("quoted-printable");
        byte[] encoded = QuotedPrintable.encode(content.getBytes(StandardCharsets.UTF_8));
        // the Content-Type header follows from the data's type; the encoding header is set here so that
        // saving the message does not scan the bytes to choose one
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(encoded, "text/" + subtype + "; charset=UTF-8")));
        part.setHeader("Content-Transfer-Encoding", "quoted-printable");
        return part;
    }

    /** Keeps the Message-ID it was given: it is stable per (issue, subscriber) so a resend is recognisable. */
    private static final class KeptIdMessage extends MimeMessage {

        KeptIdMessage(Session session) {
            super(session);
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (getHeader("Message-ID") == null) {
                super.updateMessageID();
            }
        }
    }
}
