package io.dealwire.digest.mail;

/** The step of an SMTP exchange a message had reached when it failed. */
public enum SmtpStep {
    /** Connecting, the greeting, EHLO, STARTTLS, AUTH: nothing of this message was said yet. */
    CONNECT,
    MAIL_FROM,
    RCPT_TO,
    /** The DATA command and the message's content, up to (not including) the final dot. */
    DATA,
    /** The final dot may have reached the relay: from here on the relay may have accepted the message. */
    END_OF_DATA
}
