package io.dealwire.digest.mail;

import io.vertx.ext.mail.SMTPException;
import java.util.List;

/**
 * Why a mail was not accepted, and whether that says anything about <em>this</em> message.
 * <ul>
 * <li>{@link Kind#PERMANENT}: a 5xx reply to this message's MAIL FROM / RCPT TO / DATA, or a
 * message the client refuses to encode: it will never be accepted.</li>
 * <li>{@link Kind#TRANSIENT}: a 4xx reply to this message: counted, FAILED only after the bound.</li>
 * <li>{@link Kind#UNAVAILABLE}: no reply for this message at all (refused or dropped connection,
 * timeout, greeting/EHLO/AUTH refused, 421 "closing channel"): the relay is down, which says
 * nothing about the recipient, so it never counts against the message.</li>
 * </ul>
 */
public record SmtpFailure(Kind kind, String description) {

    public enum Kind { PERMANENT, TRANSIENT, UNAVAILABLE }

    /** How Vert.x' SMTPSendMail prefixes the replies of the per-message commands. */
    private static final List<String> MESSAGE_STAGES = List.of("sender address not accepted",
            "recipient address not accepted", "no recipient addresses were accepted", "sending data failed");

    /** "Service not available, closing transmission channel": the server, not the message. */
    private static final int SERVICE_NOT_AVAILABLE = 421;

    public static SmtpFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPException smtp) {
                String description = "SMTP " + smtp.getReplyCode() + " " + smtp.getReplyMessage();
                if (smtp.getReplyCode() == SERVICE_NOT_AVAILABLE || !isMessageStage(smtp)) {
                    return new SmtpFailure(Kind.UNAVAILABLE, "mail server unavailable: " + description);
                }
                return new SmtpFailure(smtp.isPermanent() ? Kind.PERMANENT : Kind.TRANSIENT, description);
            }
            if (t instanceof IllegalArgumentException) {
                return new SmtpFailure(Kind.PERMANENT, "unsendable message: " + t.getMessage());
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new SmtpFailure(Kind.UNAVAILABLE,
                "mail server unavailable: " + root.getClass().getSimpleName() + ": " + root.getMessage());
    }

    public boolean permanent() {
        return kind == Kind.PERMANENT;
    }

    private static boolean isMessageStage(SMTPException smtp) {
        String message = smtp.getMessage() == null ? "" : smtp.getMessage();
        return MESSAGE_STAGES.stream().anyMatch(message::startsWith);
    }
}
