package io.dealwire.digest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The {@code dealwire.*} settings of the digest. Every key has a default, except the admin key's
 * hash: without it the admin API answers 401 to everyone.
 */
@ConfigMapping(prefix = "dealwire")
public interface DigestConfig {

    /** Base of every link in emails and feeds, without a trailing slash. */
    @WithDefault("http://localhost:8083")
    String publicUrl();

    Admin admin();

    Digest digest();

    interface Admin {
        /** Hex SHA-256 of the admin key(s), comma-separated so a key can be rotated. */
        Optional<String> apiKeySha256();
    }

    interface Digest {
        /** The cron of the weekly send; read by the @Scheduled expression, listed here for documentation. */
        @WithDefault("0 0 8 ? * SAT")
        String cron();

        /** Where weeks end (Sunday 24:00) and where the cron fires. */
        @WithDefault("UTC")
        ZoneId zone();

        /**
         * Mails in flight at once, each claimed (SENDING) in the ledger before it goes and on its own
         * SMTP connection: a crash resends at most this many, and skips none. 1 sends one at a time.
         */
        @WithDefault("4")
        int concurrency();

        /** Global SMTP rate of digest mails. */
        @WithDefault("20")
        double ratePerSecond();

        /** Subject prefix; the rest of the subject is computed. */
        @WithDefault("Rare Earth Deal Update")
        String title();

        /** How often the sender looks for unfinished issues ({@code off} disables the poll). */
        @WithDefault("1m")
        String resumeEvery();

        /** How often the subscriber and open-delivery gauges are refreshed. */
        @WithDefault("15s")
        String metricsRefresh();

        /**
         * The bound of each step of an SMTP exchange (connect, every read and write): a relay silent that
         * long is given up on; a subscribe request waits at most about twice this on the mail.
         */
        @WithDefault("5s")
        Duration smtpTimeout();

        /**
         * When true, the weekly job sends a week only once its edition is APPROVED (an unapproved week
         * waits for the admin send, or rolls into the next issue); the admin send always sends.
         */
        @WithDefault("false")
        boolean requireApproval();

        /** At most one confirmation mail per address within this interval while its link is unused. */
        @WithDefault("10m")
        Duration confirmationInterval();

        /**
         * Attempts of one message, over all runs, on soft failures (4xx to RCPT TO, DATA or the end of
         * data) before its row is FAILED; the message is set aside between attempts, never retried in line.
         */
        @WithDefault("5")
        int maxAttempts();

        Send send();

        Consumer consumer();
    }

    interface Send {
        /** Tries in a row while the relay is down (no reply, refused before the message) before pausing the run. */
        @WithDefault("4")
        int attemptsPerRound();

        /** First wait between those tries; doubled up to {@link #maxBackoff()}. */
        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();

        /** How long a message refused softly (4xx) is set aside before its next attempt; doubled after each. */
        @WithDefault("5m")
        Duration retryAfter();

        /** The longest a softly refused message is set aside between two attempts. */
        @WithDefault("1h")
        Duration maxRetryAfter();
    }

    interface Consumer {
        /** First wait when the database is unreachable; doubles up to {@link #maxBackoff()}. */
        @WithDefault("500ms")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();

        /** Readiness is DOWN once the consumer has been waiting out the database for longer than this. */
        @WithDefault("30s")
        Duration unhealthyAfter();
    }
}
