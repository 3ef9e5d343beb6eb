package io.dealwire.digest.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealwire.digest.config.DigestConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.mailer.Mail;
import io.vertx.ext.mail.SMTPException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * Retry rules of one message, with a scripted mail server and an in-memory ledger (single-class
 * unit test; the real SMTP path is covered by the GreenMail tests).
 */
class MailDispatcherTest {

    private static final OutgoingDigest DEFAULT_DIGEST = new OutgoingDigest("2026-W30", 7L, "reader@example.org",
            "<2026-W30.7@dealwire>", "Subject", "<p>html</p>", "text", "http://localhost:8083/unsubscribe/t");

    private final Deque<RuntimeException> script = new ArrayDeque<>();
    private final List<Mail> accepted = new ArrayList<>();
    private final RecordingLedger ledger = new RecordingLedger();

    @Test
    void shouldRetryTransientFailuresWithBackOffAndThenSend() throws Exception {
        script.add(new CompletionException(new SMTPException("451 try later", 451, List.of("try later"), false)));
        script.add(new CompletionException(new ConnectException("Connection refused")));

        assertThat(dispatcher(4, 12).deliver(DEFAULT_DIGEST)).isEqualTo(MailDispatcher.Result.SENT);
        assertThat(ledger.attempts).isEqualTo(3);
        assertThat(ledger.errors).containsExactly("SMTP 451 try later", "transient: ConnectException: Connection refused");
        assertThat(ledger.state).isEqualTo("SENT");
        assertThat(accepted).hasSize(1);
        assertThat(accepted.get(0).getHeaders().get("Message-ID")).containsExactly("<2026-W30.7@dealwire>");
        assertThat(accepted.get(0).getHeaders().get("List-Unsubscribe-Post"))
                .containsExactly("List-Unsubscribe=One-Click");
    }

    @Test
    void shouldRecordAPermanentFailureAtOnce() throws Exception {
        script.add(new CompletionException(new SMTPException("550 no such user", 550, List.of("no such user"), false)));

        assertThat(dispatcher(4, 12).deliver(DEFAULT_DIGEST)).isEqualTo(MailDispatcher.Result.FAILED);
        assertThat(ledger.state).isEqualTo("FAILED");
        assertThat(ledger.attempts).isEqualTo(1);
        assertThat(accepted).isEmpty();
    }

    @Test
    void shouldPauseTheIssueWhenTheServerKeepsFailingAndFailOnlyWhenAttemptsAreUsedUp() throws Exception {
        for (int i = 0; i < 6; i++) {
            script.add(new CompletionException(new ConnectException("Connection refused")));
        }
        MailDispatcher dispatcher = dispatcher(2, 4);
        assertThat(dispatcher.deliver(DEFAULT_DIGEST)).isEqualTo(MailDispatcher.Result.PAUSED);
        assertThat(ledger.state).isEqualTo("PENDING");
        assertThat(dispatcher.deliver(DEFAULT_DIGEST)).isEqualTo(MailDispatcher.Result.FAILED);
        assertThat(ledger.state).isEqualTo("FAILED");
        assertThat(ledger.attempts).isEqualTo(4);
    }

    private MailDispatcher dispatcher(int attemptsPerRound, int maxAttempts) {
        MailDispatcher dispatcher = new MailDispatcher();
        dispatcher.mailer = mails -> {
            RuntimeException failure = script.poll();
            if (failure != null) {
                throw failure;
            }
            accepted.addAll(List.of(mails));
        };
        DigestConfig config = config(attemptsPerRound, maxAttempts);
        ledger.maxAttempts = maxAttempts;
        dispatcher.ledger = ledger;
        dispatcher.config = config;
        DigestMetrics metrics = new DigestMetrics();
        metrics.registry = new SimpleMeterRegistry();
        metrics.init();
        dispatcher.metrics = metrics;
        dispatcher.init();
        return dispatcher;
    }

    /** The ledger's rules without a database. */
    static final class RecordingLedger extends DeliveryLedger {
        int attempts;
        int maxAttempts;
        String state = "SENDING";
        final List<String> errors = new ArrayList<>();

        @Override
        public void markSent(OutgoingDigest digest) {
            attempts++;
            state = "SENT";
        }

        @Override
        public boolean recordFailure(OutgoingDigest digest, String error, boolean permanent) {
            attempts++;
            errors.add(error);
            boolean failed = permanent || attempts >= maxAttempts;
            state = failed ? "FAILED" : "SENDING";
            return failed;
        }

        @Override
        public void release(OutgoingDigest digest) {
            state = "PENDING";
        }
    }

    private static DigestConfig config(int attemptsPerRound, int maxAttempts) {
        DigestConfig.Send send = new DigestConfig.Send() {
            public int attemptsPerRound() {
                return attemptsPerRound;
            }

            public int maxAttempts() {
                return maxAttempts;
            }

            public Duration initialBackoff() {
                return Duration.ofMillis(1);
            }

            public Duration maxBackoff() {
                return Duration.ofMillis(4);
            }
        };
        DigestConfig.Digest digest = new DigestConfig.Digest() {
            public String cron() {
                return "off";
            }

            public ZoneId zone() {
                return ZoneId.of("UTC");
            }

            public double ratePerSecond() {
                return 1000;
            }

            public String title() {
                return "Rare Earth Deal Update";
            }

            public String resumeEvery() {
                return "off";
            }

            public String metricsRefresh() {
                return "15s";
            }

            public DigestConfig.Send send() {
                return send;
            }

            public DigestConfig.Consumer consumer() {
                return null;
            }
        };
        return new DigestConfig() {
            public String publicUrl() {
                return "http://localhost:8083";
            }

            public DigestConfig.Admin admin() {
                return Optional::empty;
            }

            public DigestConfig.Digest digest() {
                return digest;
            }
        };
    }
}
