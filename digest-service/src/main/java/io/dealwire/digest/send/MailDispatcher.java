package io.dealwire.digest.send;

import io.dealwire.digest.config.DigestConfig;
import io.dealwire.digest.mail.SmtpFailure;
import io.dealwire.digest.mail.SmtpRelay;
import io.vertx.ext.mail.MailMessage;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Sends one claimed digest over SMTP, throttled, retrying transient failures with exponential
 * back-off, and records failures in the ledger (a success is recorded by the caller, in the same
 * commit as the next claim). Only a reply to this message counts as an attempt
 * ({@link SmtpFailure}): while the relay is unreachable the row is given back untouched and the run
 * pauses, so an outage never turns a subscriber FAILED.
 */
@ApplicationScoped
public class MailDispatcher {

    public enum Result { SENT, FAILED, PAUSED }

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class);

    @Inject
    SmtpRelay relay;

    @Inject
    DeliveryLedger ledger;

    @Inject
    DigestConfig config;

    @Inject
    DigestMetrics metrics;

    private RateLimiter rateLimiter;

    @PostConstruct
    void init() {
        rateLimiter = new RateLimiter(config.digest().ratePerSecond());
    }

    public Result deliver(OutgoingDigest digest) throws InterruptedException {
        DigestConfig.Send send = config.digest().send();
        Duration backoff = send.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            rateLimiter.acquire();
            SmtpFailure failure = null;
            long started = System.nanoTime();
            try {
                relay.send(toMail(digest));
            } catch (RuntimeException e) {
                failure = SmtpFailure.of(e);
            }
            if (failure == null) {
                metrics.sent(System.nanoTime() - started);
                // the caller records it (DigestSender), together with claiming the next message
                return Result.SENT;
            }
            if (failure.kind() != SmtpFailure.Kind.UNAVAILABLE
                    && ledger.recordFailure(digest, failure.description(), failure.permanent())) {
                LOG.warnf("Digest %s to subscriber %d FAILED: %s", digest.week(), digest.subscriberId(),
                        failure.description());
                metrics.failed(failure.permanent() ? "permanent" : "exhausted");
                return Result.FAILED;
            }
            metrics.transientFailure();
            if (attempt >= send.attemptsPerRound()) {
                LOG.warnf("Mail server keeps failing (%s); pausing the send, it resumes on the next round",
                        failure.description());
                ledger.release(digest, failure.description());
                return Result.PAUSED;
            }
            Thread.sleep(backoff.toMillis());
            backoff = backoff.multipliedBy(2).compareTo(send.maxBackoff()) > 0 ? send.maxBackoff()
                    : backoff.multipliedBy(2);
        }
    }

    static MailMessage toMail(OutgoingDigest digest) {
        return new MailMessage().setTo(digest.email()).setSubject(digest.subject())
                .setHtml(digest.html())
                .setText(digest.text())
                .addHeader("Message-ID", digest.messageId())
                // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" to this URL
                .addHeader("List-Unsubscribe", "<" + digest.unsubscribeUrl() + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
}
