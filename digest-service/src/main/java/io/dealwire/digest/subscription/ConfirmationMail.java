package io.dealwire.digest.subscription;

import io.dealwire.digest.config.DigestConfig;
import io.dealwire.problem.Problem;
import io.dealwire.problem.ProblemException;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** The double opt-in mail: a link to the confirm page, which confirms with a button. */
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
    Mailer mailer;

    @Inject
    DigestConfig config;

    public void send(String email, String name, String token) {
        String confirmUrl = config.publicUrl() + "/confirm/" + token;
        Mail mail = Mail.withHtml(email, SUBJECT,
                        Templates.confirmationHtml(name, confirmUrl, config.publicUrl()).render())
                .setText(Templates.confirmationText(name, confirmUrl, config.publicUrl()).render());
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            LOG.warnf("Confirmation mail could not be sent: %s", e.getMessage());
            throw new ProblemException(Problem.of(503, "The confirmation mail could not be sent; please try again."))
                    .withHeader("Retry-After", "60");
        }
    }
}
