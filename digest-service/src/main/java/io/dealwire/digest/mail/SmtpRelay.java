package io.dealwire.digest.mail;

import io.dealwire.digest.config.DigestConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.eclipse.angus.mail.util.MailStreamProvider;

/**
 * The one way mail leaves the digest: Angus Mail's SMTP transport, with every connect, read and write
 * bounded by {@code dealwire.digest.smtp-timeout}, and told apart by <em>where</em> a message failed
 * ({@link SmtpStep}): the transport's protocol steps are overridden to note the step before it is
 * taken, so a connection lost after the final dot (outcome unknown: never resent) is not mistaken for
 * a relay that went away before the message (resent safely). A failure comes as an
 * {@link SmtpExchangeException}; {@link SmtpFailure} says what it means.
 * <p>
 * Connections are reused (at most {@code quarkus.mailer.max-pool-size} idle ones, each closed after
 * {@code smtp-timeout} idle): a pooled connection that
 * the relay closed meanwhile fails at MAIL FROM with no reply and is replaced by a fresh one for the
 * same message, once. Blocking I/O on the caller's thread, one message per connection at a time: no
 * event loop, so no greeting can arrive before its reader (docs/reliability.md, finding 6).
 */
@ApplicationScoped
public class SmtpRelay {

    private final MailerConfig mailer;
    private final Duration timeout;
    private final Deque<Idle> idle = new ConcurrentLinkedDeque<>();
    private final ScheduledExecutorService writeTimeouts = Executors.newSingleThreadScheduledExecutor(
            r -> {
                Thread thread = new Thread(r, "smtp-write-timeout");
                thread.setDaemon(true);
                return thread;
            });
    private Session session;

    @Inject
    public SmtpRelay(MailerConfig mailer, DigestConfig config) {
        this.mailer = mailer;
        this.timeout = config.digest().smtpTimeout();
    }

    /** For a test double that overrides {@link #send}. */
    protected SmtpRelay() {
        this.mailer = null;
        this.timeout = Duration.ZERO;
    }

    private record Idle(StagedTransport transport, long since) {
    }

    /**
     * Jakarta Mail looks its {@code StreamProvider} up again for every body part, multipart and
     * encoded word, and without this property each lookup is a ServiceLoader scan of the class path
     * (in Quarkus' class loader: jar entries opened and parsed). Measured on 6 Dec 2026 with the
     * digest benchmark into smtp-sink: most of the digest's CPU per mail, see docs/benchmarks.md.
     */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    @PostConstruct
    void start() {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, MailStreamProvider.class.getName());
        }
        String protocol = protocol();
        String millis = Long.toString(timeout.toMillis());
        Properties properties = new Properties();
        properties.setProperty("mail." + protocol + ".connectiontimeout", millis);
        properties.setProperty("mail." + protocol + ".timeout", millis);
        properties.setProperty("mail." + protocol + ".writetimeout", millis);
        properties.put("mail." + protocol + ".executor.writetimeout", writeTimeouts);
        if (!mailer.tls()) {
            // Nagle off: see NoDelaySocketFactory (SMTPS keeps Angus' own TLS socket factory)
            properties.put("mail." + protocol + ".socketFactory", new NoDelaySocketFactory());
        }
        properties.setProperty("mail." + protocol + ".starttls.enable",
                Boolean.toString(mailer.startTls() != StartTLSOptions.DISABLED));
        properties.setProperty("mail." + protocol + ".starttls.required",
                Boolean.toString(mailer.startTls() == StartTLSOptions.REQUIRED));
        properties.setProperty("mail." + protocol + ".auth", Boolean.toString(mailer.username().isPresent()));
        if (mailer.trustAll()) {
            properties.setProperty("mail." + protocol + ".ssl.trust", "*");
        }
        session = Session.getInstance(properties);
    }

    @PreDestroy
    void stop() {
        for (Idle connection = idle.poll(); connection != null; connection = idle.poll()) {
            closeQuietly(connection.transport());
        }
        writeTimeouts.shutdownNow();
    }

    /** The bound of each connect, read and write; a relay that stays silent costs this much. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Sends one message and returns once the relay accepted it. Fails with an
     * {@link SmtpExchangeException} (the step and the reply), or an {@link IllegalArgumentException}
     * for a message that cannot be written as MIME. Blocks for at most a few bounds.
     */
    public void send(MailMessage message) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before sending");
        }
        MimeMail mail = MimeMail.of(session, message, mailer.from());
        StagedTransport reused = takeIdle();
        if (reused != null) {
            try {
                deliver(reused, mail);
                return;
            } catch (SmtpExchangeException e) {
                if (e.step() != SmtpStep.MAIL_FROM || e.replyCode() > 0) {
                    throw e;
                }
                // the relay closed this pooled connection meanwhile: nothing of the message was said
            }
        }
        deliver(connect(), mail);
    }

    private void deliver(StagedTransport transport, MimeMail mail) {
        boolean delivered = false;
        try {
            transport.step = SmtpStep.MAIL_FROM;
            transport.sendMessage(mail.message(), mail.recipients());
            delivered = true;
        } catch (MessagingException e) {
            throw SmtpExchangeException.of(transport.step, e);
        } finally {
            if (delivered && mailer.keepAlive() && idle.size() < mailer.maxPoolSize()) {
                idle.push(new Idle(transport, System.nanoTime()));
            } else {
                closeQuietly(transport);
            }
        }
    }

    private StagedTransport connect() {
        StagedTransport transport = new StagedTransport(session, mailer.tls());
        try {
            transport.connect(mailer.host(), mailer.port().orElse(-1), mailer.username().orElse(null),
                    mailer.password().orElse(null));
            return transport;
        } catch (MessagingException | IllegalStateException e) {
            closeQuietly(transport);
            throw SmtpExchangeException.of(SmtpStep.CONNECT, e);
        }
    }

    /** The most recently used idle connection, unless it has been idle for longer than the bound. */
    private StagedTransport takeIdle() {
        for (Idle connection = idle.poll(); connection != null; connection = idle.poll()) {
            if (System.nanoTime() - connection.since() < timeout.toNanos()) {
                return connection.transport();
            }
            closeQuietly(connection.transport());
        }
        return null;
    }

    private String protocol() {
        return mailer.tls() ? "smtps" : "smtp";
    }

    private static void closeQuietly(SMTPTransport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            // closing a connection we give up on: nothing to do about a failure
        }
    }

    /** Angus' SMTP transport, noting each protocol step before it is taken. */
    private static final class StagedTransport extends SMTPTransport {

        private volatile SmtpStep step = SmtpStep.CONNECT;

        StagedTransport(Session session, boolean tls) {
            super(session, new URLName(tls ? "smtps" : "smtp", null, -1, null, null, null), tls ? "smtps" : "smtp",
                    tls);
        }

        @Override
        protected void mailFrom() throws MessagingException {
            step = SmtpStep.MAIL_FROM;
            super.mailFrom();
        }

        @Override
        protected void rcptTo() throws MessagingException {
            step = SmtpStep.RCPT_TO;
            super.rcptTo();
        }

        @Override
        protected OutputStream data() throws MessagingException {
            step = SmtpStep.DATA;
            return super.data();
        }

        @Override
        protected void finishData() throws IOException, MessagingException {
            step = SmtpStep.END_OF_DATA;
            super.finishData();
        }
    }
}
