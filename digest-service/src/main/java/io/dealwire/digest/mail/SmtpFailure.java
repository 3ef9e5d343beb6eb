package io.dealwire.digest.mail;

import io.dealwire.contract.consume.RootCause;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed message means, decided by what the relay said and when ({@link SmtpExchangeException}):
 *
 * <table>
 * <caption>SMTP outcomes</caption>
 * <tr><th>the relay</th><th>kind</th><th>the row</th></tr>
 * <tr><td>cannot be reached, gives no greeting, refuses EHLO/STARTTLS/AUTH or MAIL FROM, answers 421
 * anywhere, or goes silent before the final dot</td><td>{@link Kind#RELAY_DOWN}</td><td>given back
 * untouched; the run pauses and resumes by itself; no attempt counted</td></tr>
 * <tr><td>4xx to RCPT TO, DATA or the end of data</td><td>{@link Kind#SOFT}</td><td>set aside, retried
 * later with back-off up to {@code dealwire.digest.max-attempts}; the rest of the issue goes on</td></tr>
 * <tr><td>5xx to RCPT TO, DATA or the end of data; a message that cannot be written</td>
 * <td>{@link Kind#PERMANENT}</td><td>FAILED with the reply, never retried; the subscriber is BOUNCED
 * when the recipient itself was refused ({@link #bounce()})</td></tr>
 * <tr><td>lost after the final dot was sent, no reply</td><td>{@link Kind#OUTCOME_UNKNOWN}</td>
 * <td>recorded as such, never resent (it may have been delivered), counted for an alert</td></tr>
 * </table>
 */
public record SmtpFailure(Kind kind, String description, boolean bounce) {

    public enum Kind { RELAY_DOWN, SOFT, PERMANENT, OUTCOME_UNKNOWN }

    /** "Service not available, closing transmission channel": the server, not the message. */
    private static final int SERVICE_NOT_AVAILABLE = 421;

    /** RFC 3463 enhanced status code at the start of a reply, e.g. {@code 5.1.1}. */
    private static final Pattern ENHANCED = Pattern.compile("^([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");

    public static SmtpFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SmtpExchangeException smtp) {
                return of(smtp);
            }
            if (t instanceof IllegalArgumentException) {
                return new SmtpFailure(Kind.PERMANENT, "unsendable message: " + t.getMessage(), false);
            }
        }
        return relayDown(RootCause.of(failure));
    }

    private static SmtpFailure of(SmtpExchangeException smtp) {
        SmtpStep step = smtp.step();
        int code = smtp.replyCode();
        if (code == 0) {
            return step == SmtpStep.END_OF_DATA
                    ? new SmtpFailure(Kind.OUTCOME_UNKNOWN, "outcome unknown: " + smtp.getMessage(), false)
                    : relayDown(smtp.getMessage());
        }
        if (step == SmtpStep.CONNECT || step == SmtpStep.MAIL_FROM || code == SERVICE_NOT_AVAILABLE) {
            return relayDown(smtp.getMessage());
        }
        if (code >= 400 && code < 500) {
            return new SmtpFailure(Kind.SOFT, smtp.getMessage(), false);
        }
        return new SmtpFailure(Kind.PERMANENT, smtp.getMessage(), refusesTheRecipient(step, code, smtp.reply()));
    }

    /** A permanent refusal of the address itself (RFC 3463 5.1.x bad address, 5.2.1 mailbox disabled, 550 at RCPT). */
    private static boolean refusesTheRecipient(SmtpStep step, int code, String reply) {
        Matcher enhanced = ENHANCED.matcher(reply == null ? "" : reply.strip());
        if (enhanced.find() && enhanced.group(1).equals("5")) {
            String subject = enhanced.group(2);
            String detail = enhanced.group(3);
            return subject.equals("1") || (subject.equals("2") && detail.equals("1"));
        }
        return step == SmtpStep.RCPT_TO && code == 550;
    }

    private static SmtpFailure relayDown(String description) {
        return new SmtpFailure(Kind.RELAY_DOWN, "mail server unavailable: " + description, false);
    }
}
