package io.dealwire.digest.send;

import io.vertx.ext.mail.SMTPException;

/**
 * Why a mail was not accepted. A 5xx reply (or a message the client refuses to encode) is
 * permanent; 4xx replies, refused or dropped connections and timeouts are transient.
 */
record SmtpFailure(boolean permanent, String description) {

    static SmtpFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return new SmtpFailure(smtp.isPermanent(), "SMTP " + smtp.getReplyCode() + " " + smtp.getReplyMessage());
            }
            if (t instanceof IllegalArgumentException) {
                return new SmtpFailure(true, "unsendable message: " + t.getMessage());
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new SmtpFailure(false, "transient: " + root.getClass().getSimpleName() + ": " + root.getMessage());
    }
}
