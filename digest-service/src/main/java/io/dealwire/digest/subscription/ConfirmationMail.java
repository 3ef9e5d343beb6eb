package io.dealwire.digest.subscription;

import io.dealwire.digest.config.DigestConfig;
import io.dealwire.digest.mail.SmtpFailure;
import io.dealwire.digest.mail.SmtpRelay;
import io.dealwire.problem.Problem;
import io.dealwire.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.mail.MailMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The double opt-in mail: a link to the confirm page, which confirms with a button. Sent while the
 * subscriber waits, so the wait is bounded: one attempt, and once more when the
 * relay gave no answer (a lost greeting, a relay restarted meanwhile), on another connection. A second copy
 * of a confirmation costs nothing; a lost one costs a subscriber.
 */
@ApplicationScoped
public class ConfirmationMail {

    static final String SUBJECT = "Confirm your Deal Wire subscription";
    private static final Logger LOG = Logger.getLogger(ConfirmationMail.class);

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance confirmationHtml(String name, String confirmUrl, String publicUrl);

        static native TemplateInstance confirmationText(String name, String confirmUrl, String publicUrl);
    }

    @Inject
    SmtpRelay relay;

    @Inject
    DigestConfig config;

    public void send(String email, String name, String token) {
        String confirmUrl = config.publicUrl() + "/confirm/" + token;
        MailMessage mail = new MailMessage().setTo(email).setSubject(SUBJECT)
                .setHtml(Templates.confirmationHtml(name, confirmUrl, config.publicUrl()).render())
                .setText(Templates.confirmationText(name, confirmUrl, config.publicUrl()).render());
        try {
            try {
                relay.send(mail);
            } catch (RuntimeException first) {
                if (SmtpFailure.of(first).kind() != SmtpFailure.Kind.RELAY_DOWN) {
                    throw first;
                }
                LOG.infof("Confirmation mail got no answer (%s); trying once more", SmtpFailure.of(first).description());
                relay.send(mail);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    private static ProblemException unavailable(Exception e) {
        LOG.warnf("Confirmation mail could not be sent: %s", SmtpFailure.of(e).description());
        return new ProblemException(Problem.of(503, "The confirmation mail could not be sent; please try again."))
                .withHeader("Retry-After", "60");
    }
}
