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
 * waits at most that long; then the client is replaced and every socket of the old one closed, so an
 * exchange given up on cannot go on to deliver later (a retry would then send it twice) and a relay
 * that went quiet costs one bound, never the relay's own timeout (only a message whose end of data
 * already reached the relay has an unknown outcome). This is the fix for
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

    private MailConfig settings;
    private Duration timeout;
    private volatile Client current;

    /** A mail client on an event-loop context of its own, owned by its verticle (undeploying it closes every socket). */
    private record Client(String deployment, Owner owner) {
    }

    private static final class Owner extends AbstractVerticle {
        private final MailConfig settings;
        private MailClient mail;

        Owner(MailConfig settings) {
            this.settings = settings;
        }

        @Override
        public void start() {
            // created here, so its pool cleaner's timer and its sockets belong to this context too
            mail = MailClient.create(vertx, settings);
        }

        @Override
        public void stop() {
            mail.close();
        }

        void send(MailMessage message, Promise<Void> sent) {
            context.runOnContext(v -> mail.sendMail(message).<Void>mapEmpty().onComplete(sent));
        }
    }

    @PostConstruct
    void start() {
        timeout = config.digest().smtpTimeout();
        int millis = Math.toIntExact(timeout.toMillis());
        settings = new MailConfig()
                .setHostname(mailer.host())
                .setSsl(mailer.tls())
                .setStarttls(mailer.startTls())
                .setTrustAll(mailer.trustAll())
                .setMaxPoolSize(mailer.maxPoolSize())
                .setKeepAlive(mailer.keepAlive())
                .setConnectTimeout(millis)
                .setIdleTimeout(millis)
                // an idle pooled connection is closed by the idle bound anyway; say so instead of 300 s
                .setKeepAliveTimeout(millis);
        settings.setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        settings.setKeepAliveTimeoutUnit(TimeUnit.MILLISECONDS);
        mailer.port().ifPresent(settings::setPort);
        mailer.username().ifPresent(settings::setUsername);
        mailer.password().ifPresent(settings::setPassword);
        current = deploy();
    }

    @PreDestroy
    void stop() {
        undeploy(current);
    }

    /** The bound of one message; a send that fails for want of an answer took this long. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Sends one message and returns once the relay accepted it. Fails with the relay's refusal
     * ({@link io.vertx.ext.mail.SMTPException}) or with why there was no answer; {@link SmtpFailure}
     * tells which. Blocks, so never on an event loop.
     */
    public void send(MailMessage message) throws InterruptedException {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("SmtpRelay.send blocks: call it from a worker thread");
        }
        if (message.getFrom() == null) {
            message.setFrom(mailer.from());
        }
        Client client = current;
        Promise<Void> sent = Promise.promise();
        client.owner().send(message, sent);
        try {
            sent.future().toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            replace(client);
            throw new NoAnswer(timeout);
        }
    }

    /** Swaps in a fresh client and closes the stale one's sockets (other sends on it fail and are retried). */
    private synchronized void replace(Client stale) {
        if (current == stale) {
            current = deploy();
            undeploy(stale);
        }
    }

    private Client deploy() {
        Owner owner = new Owner(settings);
        return new Client(vertx.deployVerticle(owner).toCompletionStage().toCompletableFuture().join(), owner);
    }

    private void undeploy(Client client) {
        vertx.undeploy(client.deployment()).toCompletionStage().toCompletableFuture()
                .completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** The relay did not finish the message within the bound. */
    static final class NoAnswer extends RuntimeException {
        NoAnswer(Duration timeout) {
            super("no answer from the mail server within " + timeout.toMillis() + " ms", null, false, false);
        }
    }
}
