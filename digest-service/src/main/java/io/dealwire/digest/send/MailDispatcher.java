package io.dealwire.digest.send;

import io.dealwire.digest.config.DigestConfig;
import io.dealwire.digest.mail.SmtpFailure;
import io.dealwire.digest.mail.SmtpRelay;
import io.vertx.ext.mail.MailMessage;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sends one claimed digest over SMTP, throttled, and records in the ledger what the relay's answer
 * means ({@link SmtpFailure}; a success is recorded by the caller, in the same commit as the next
 * claim). Only a relay that is down is retried here, in line, a few times with back-off before the run
 * pauses (the row given back untouched, no attempt counted: an outage never turns a subscriber
 * FAILED). A soft refusal sets the row aside for a later run, a permanent one fails it (and bounces the
 * address when the recipient was refused), and a connection lost after the final dot is recorded as an
 * unknown outcome, never resent: none of them holds up the rest of the issue.
 */
@ApplicationScoped
public class MailDispatcher {

    public enum Result { SENT, DEFERRED, FAILED, OUTCOME_UNKNOWN, PAUSED }

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
            long started = System.nanoTime();
            SmtpFailure failure;
            try {
                relay.send(toMail(digest));
                metrics.sent(System.nanoTime() - started);
                // the caller records it (DigestSender), together with claiming the next message
                return Result.SENT;
            } catch (RuntimeException e) {
                failure = SmtpFailure.of(e);
            }
            switch (failure.kind()) {
                case SOFT -> {
                    return softly(digest, failure);
                }
                case PERMANENT -> {
                    ledger.fail(digest, failure.description(), failure.bounce());
                    LOG.warnf("Digest %s to subscriber %d FAILED%s: %s", digest.week(), digest.subscriberId(),
                            failure.bounce() ? " and the address BOUNCED" : "", failure.description());
                    metrics.failed("permanent");
                    return Result.FAILED;
                }
                case OUTCOME_UNKNOWN -> {
                    ledger.outcomeUnknown(digest, failure.description());
                    LOG.warnf("Digest %s to subscriber %d: %s; not resent", digest.week(), digest.subscriberId(),
                            failure.description());
                    metrics.outcomeUnknown();
                    return Result.OUTCOME_UNKNOWN;
                }
                case RELAY_DOWN -> {
                    metrics.transientFailure();
                    if (attempt >= send.attemptsPerRound()) {
                        LOG.warnf("Mail server keeps failing (%s); pausing the send, it resumes on the next round",
                                failure.description());
                        ledger.release(digest, failure.description());
                        return Result.PAUSED;
                    }
                }
            }
            Thread.sleep(backoff.toMillis());
            backoff = backoff.multipliedBy(2).compareTo(send.maxBackoff()) > 0 ? send.maxBackoff()
                    : backoff.multipliedBy(2);
        }
    }

    private Result softly(OutgoingDigest digest, SmtpFailure failure) {
        Optional<Instant> next = ledger.defer(digest, failure.description());
        if (next.isEmpty()) {
            LOG.warnf("Digest %s to subscriber %d FAILED after %d soft refusals: %s", digest.week(),
                    digest.subscriberId(), config.digest().maxAttempts(), failure.description());
            metrics.failed("exhausted");
            return Result.FAILED;
        }
        LOG.infof("Digest %s to subscriber %d set aside until %s: %s", digest.week(), digest.subscriberId(),
                next.get(), failure.description());
        metrics.deferred();
        return Result.DEFERRED;
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
