package io.dealwire.digest.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.ext.mail.StartTLSOptions;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The relay, under the Quarkus mailer's own {@code quarkus.mailer.*} names (so
 * {@code QUARKUS_MAILER_HOST} and friends work as for any Quarkus service). {@link SmtpRelay} reads the
 * few it needs itself because the Quarkus mailer cannot bound an SMTP exchange (docs/reliability.md,
 * finding 6); its {@code Mailer} is not used. Only these keys are read: the mailer's others (login,
 * bounce-address, truststore, dkim, ...) have no effect here.
 */
@ConfigMapping(prefix = "quarkus.mailer")
public interface MailerConfig {

    @WithDefault("localhost")
    String host();

    /** vertx-mail's 25 when not given. */
    OptionalInt port();

    /** The sender of every mail, e.g. {@code Deal Wire <digest@dealwire.example.com>}. */
    String from();

    Optional<String> username();

    Optional<String> password();

    /** DISABLED, OPTIONAL or REQUIRED. */
    @WithDefault("OPTIONAL")
    StartTLSOptions startTls();

    /** TLS from the first byte (SMTPS, usually port 465). */
    @WithDefault("false")
    boolean tls();

    @WithDefault("false")
    boolean trustAll();

    @WithDefault("10")
    int maxPoolSize();

    /** Reuse connections between messages (they close after {@code dealwire.digest.smtp-timeout} idle). */
    @WithDefault("true")
    boolean keepAlive();
}
