package io.dealwire.digest.mail;

import io.dealwire.digest.config.DigestConfig;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way mail leaves the digest: a Vert.x mail client whose every message is bounded by
 * {@code dealwire.digest.smtp-timeout}, from connecting to the reply to the end of its data. A caller
 * waits at most that long, and a connection silent for that long is closed by the client, so a relay
 * that went quiet costs one bound, never the relay's own timeout. This is the fix for
 * docs/reliability.md's finding 6: vertx-mail 4.5.27 can lose a fresh connection's greeting (it
 * arrives before the client reads), and a connection closed while the greeting is awaited never fails
 * the send, so without a bound the send waits for ever (the Quarkus mailer offers none that stops the
 * exchange itself). A pooled connection that died meanwhile is found out by vertx-mail's RSET and
 * replaced by a fresh one.
 * <p>
 * The greeting is lost when a connection is opened on one event loop while the send that waits for it
 * runs on another: vertx-mail installs its reader with a hop between the two, and Vert.x drops bytes
 * that arrive before a reader is there. Which loop opens a connection depends on which thread happens
 * to run the pool's queued work (the sender, a request thread, the loop of a connection closing at that
 * moment). So the client is created and used on one event-loop context of its own: every send, every
 * pool action and every socket of it run on that one thread, where the hop is synchronous.
 */
@Startup // created on the main thread at start, never lazily on an event loop that its join() would block
@ApplicationScoped
public class SmtpRelay {

    @Inject
    Vertx vertx;

    @Inject
    MailerConfig mailer;

    @Inject
    DigestConfig config;

    private MailClient client;
    private Context home;
    private String deployment;
    private Duration timeout;

    @PostConstruct
    void start() {
        timeout = config.digest().smtpTimeout();
        int millis = Math.toIntExact(timeout.toMillis());
        MailConfig settings = new MailConfig()
                .setHostname(mailer.host())
                .setPort(mailer.port().orElse(mailer.tls() ? 465 : 25))
                .setSsl(mailer.tls())
                .setStarttls(mailer.startTls())
                .setTrustAll(mailer.trustAll())
                .setMaxPoolSize(mailer.maxPoolSize())
                .setConnectTimeout(millis)
                .setIdleTimeout(millis)
                // an idle pooled connection is closed by the idle bound anyway; say so instead of 300 s
                .setKeepAliveTimeout(millis);
        settings.setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        settings.setKeepAliveTimeoutUnit(TimeUnit.MILLISECONDS);
        settings.setKeepAlive(mailer.keepAlive());
        mailer.username().ifPresent(settings::setUsername);
        mailer.password().ifPresent(settings::setPassword);
        deployment = vertx.deployVerticle(new AbstractVerticle() {
            @Override
            public void start() {
                home = context; // the verticle's own event-loop context
                client = MailClient.create(vertx, settings); // its pool cleaner's timer runs here too
            }

            @Override
            public void stop() {
                client.close();
            }
        }).toCompletionStage().toCompletableFuture().join();
    }

    @PreDestroy
    void stop() {
        vertx.undeploy(deployment).toCompletionStage().toCompletableFuture().join();
    }

    /** The bound of one message; a send that fails for want of an answer took this long. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Sends one message and returns once the relay accepted it. Fails with the relay's refusal
     * ({@link io.vertx.ext.mail.SMTPException}) or with why there was no answer; {@link SmtpFailure}
     * tells which.
     */
    public void send(MailMessage message) throws InterruptedException {
        if (message.getFrom() == null) {
            message.setFrom(mailer.from());
        }
        Promise<Void> sent = Promise.promise();
        home.runOnContext(v -> client.sendMail(message).<Void>mapEmpty().onComplete(sent));
        try {
            sent.future().toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new NoAnswer(timeout);
        }
    }

    /** The relay did not finish the message within the bound (its connection is closed by the idle bound). */
    static final class NoAnswer extends RuntimeException {
        NoAnswer(Duration timeout) {
            super("no answer from the mail server within " + timeout.toMillis() + " ms", null, false, false);
        }
    }
}
