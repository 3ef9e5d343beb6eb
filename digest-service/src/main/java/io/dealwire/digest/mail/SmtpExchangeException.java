package io.dealwire.digest.mail;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * A message the relay did not accept: at which step, and what the relay replied ({@code replyCode} 0
 * when it replied nothing: connection refused or lost, no answer within the bound).
 */
public final class SmtpExchangeException extends RuntimeException {

    private final SmtpStep step;
    private final int replyCode;
    private final String reply;

    public SmtpExchangeException(SmtpStep step, int replyCode, String reply, Throwable cause) {
        super(describe(step, replyCode, reply), cause, false, false);
        this.step = step;
        this.replyCode = replyCode;
        this.reply = reply;
    }

    /**
     * What Angus' transport reports, read as a reply at a step: its address, sender and send failures
     * carry the relay's code (a refused recipient is nested in the "Invalid Addresses" failure); a
     * code of -1 there, or any other failure, means the relay replied nothing.
     */
    public static SmtpExchangeException of(SmtpStep step, Exception failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            int code = -1;
            if (t instanceof SMTPAddressFailedException address) {
                code = address.getReturnCode();
            } else if (t instanceof SMTPSenderFailedException sender) {
                code = sender.getReturnCode();
            } else if (t instanceof SMTPSendFailedException send) {
                code = send.getReturnCode();
            }
            if (code > 0) {
                return new SmtpExchangeException(step, code, reply(t.getMessage(), code), failure);
            }
        }
        Throwable root = failure;
        while (next(root) != null) {
            root = next(root);
        }
        return new SmtpExchangeException(step, 0, root.getClass().getSimpleName() + ": " + root.getMessage(), failure);
    }

    private static Throwable next(Throwable t) {
        Throwable next = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException()
                : t.getCause();
        return next == t ? null : next;
    }

    /** The reply text without its code: Angus' messages are the relay's reply line. */
    private static String reply(String message, int code) {
        String text = message == null ? "" : message.strip();
        String prefix = Integer.toString(code);
        return text.startsWith(prefix) ? text.substring(prefix.length()).strip() : text;
    }

    public SmtpStep step() {
        return step;
    }

    /** The relay's reply code, or 0 when it replied nothing. */
    public int replyCode() {
        return replyCode;
    }

    /** The relay's reply text (or why there was none). */
    public String reply() {
        return reply;
    }

    private static String describe(SmtpStep step, int replyCode, String reply) {
        return replyCode > 0 ? "SMTP " + replyCode + " at " + step + ": " + reply
                : "no reply at " + step + ": " + reply;
    }
}
