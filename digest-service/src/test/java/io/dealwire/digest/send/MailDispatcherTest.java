package io.dealwire.digest.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealwire.digest.config.DigestConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.dealwire.digest.mail.SmtpExchangeException;
import io.dealwire.digest.mail.SmtpRelay;
import io.dealwire.digest.mail.SmtpStep;
import io.vertx.ext.mail.MailMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher's decisions for one message (the table of {@link io.dealwire.digest.mail.SmtpFailure}),
 * with a scripted mail server and a ledger that only
 * records what it is told (single-class unit test). The ledger's own counting rule runs against
 * PostgreSQL in {@link DeliveryLedgerTest}; a real SMTP outage in {@link SmtpOutageTest}.
 */
class MailDispatcherTest {

    private static final OutgoingDigest DEFAULT_DIGEST = new OutgoingDigest("2026-W30", 7L, "reader@example.org",
            "<2026-W30.7@dealwire>", "Subject", "<p>html</p>", "text", "http://localhost:8083/unsubscribe/t");

    private final Deque<RuntimeException> script = new ArrayDeque<>();
    private final List<MailMessage> accepted = new ArrayList<>();
    private final RecordingLedger ledger = new RecordingLedger();

    @Test
    void shouldSetAMessageAsideOnASoftReplyWithoutRetryingItInLine() throws Exception {
        script.add(reply(SmtpStep.RCPT_TO, 452, "4.2.2 mailbox full"));

        assertThat(dispatcher(4).deliver(DEFAULT_DIGEST)).isEqualTo(MailDispatcher.Result.DEFERRED);
        assertThat(ledger.calls).containsExactly("defer(SMTP 452 at RCPT_TO: 4.2.2 mailbox full)");
        assertThat(accepted).isEmpty();
        assertThat(script).isEmpty();
    }

    @Test
    void shouldFailAPermanentReplyAtOnceAndBounceARefusedRecipient() throws Exception {
        script.add(reply(SmtpStep.RCPT_TO, 550, "5.1.1 no such user"));
        script.add(reply(SmtpStep.END_OF_DATA, 554, "5.6.0 message rejected"));

        assertThat(dispatcher(4).deliver(DEFAULT_DIGEST)).isEqualTo(MailDispatcher.Result.FAILED);
        assertThat(dispatcher(4).deliver(DEFAULT_DIGEST)).isEqualTo(MailDispatcher.Result.FAILED);
        assertThat(ledger.calls).containsExactly("fail(SMTP 550 at RCPT_TO: 5.1.1 no such user, bounce=true)",
                "fail(SMTP 554 at END_OF_DATA: 5.6.0 message rejected, bounce=false)");
        assertThat(accepted).isEmpty();
    }

    @Test
    void shouldRecordAConnectionLostAfterTheFinalDotAsAnUnknownOutcomeAndNotResendIt() throws Exception {
        script.add(new SmtpExchangeException(SmtpStep.END_OF_DATA, 0, "SocketException: Connection reset", null));

        assertThat(dispatcher(4).deliver(DEFAULT_DIGEST)).isEqualTo(MailDispatcher.Result.OUTCOME_UNKNOWN);
        assertThat(ledger.calls).containsExactly("outcomeUnknown(outcome unknown: no reply at END_OF_DATA:"
                + " SocketException: Connection reset)");
        assertThat(accepted).isEmpty();
    }

    @Test
    void shouldRetryARelayThatIsDownInLineAndSendTheMessageOnceItAnswers() throws Exception {
        script.add(new SmtpExchangeException(SmtpStep.CONNECT, 0, "ConnectException: Connection refused", null));
        script.add(new SmtpExchangeException(SmtpStep.DATA, 0, "SocketException: Connection reset", null));

        assertThat(dispatcher(4).deliver(DEFAULT_DIGEST)).isEqualTo(MailDispatcher.Result.SENT);
        // no attempt counted; the success itself is recorded by the sender, with the next claim
        assertThat(ledger.calls).isEmpty();
        assertThat(accepted).hasSize(1);
        assertThat(accepted.get(0).getHeaders().getAll("Message-ID")).containsExactly("<2026-W30.7@dealwire>");
        assertThat(accepted.get(0).getHeaders().getAll("List-Unsubscribe-Post"))
                .containsExactly("List-Unsubscribe=One-Click");
    }

    @Test
    void shouldReleaseTheRowWithoutCountingAnAttemptWhenTheServerIsUnreachable() throws Exception {
        script.add(new SmtpExchangeException(SmtpStep.CONNECT, 0, "ConnectException: Connection refused", null));
        script.add(reply(SmtpStep.MAIL_FROM, 530, "5.7.0 authentication required")); // not about this message
        script.add(reply(SmtpStep.RCPT_TO, 421, "4.3.2 closing channel")); // the server, not the message

        assertThat(dispatcher(3).deliver(DEFAULT_DIGEST)).isEqualTo(MailDispatcher.Result.PAUSED);
        assertThat(ledger.calls).containsExactly(
                "release(mail server unavailable: SMTP 421 at RCPT_TO: 4.3.2 closing channel)");
        assertThat(accepted).isEmpty();
    }

    private static RuntimeException reply(SmtpStep step, int code, String text) {
        return new SmtpExchangeException(step, code, text, null);
    }

    private MailDispatcher dispatcher(int attemptsPerRound) {
        MailDispatcher dispatcher = new MailDispatcher();
        dispatcher.relay = new SmtpRelay() {
            @Override
            public void send(MailMessage mail) {
                RuntimeException failure = script.poll();
                if (failure != null) {
                    throw failure;
                }
                accepted.add(mail);
            }
        };
        dispatcher.ledger = ledger;
        dispatcher.config = config(attemptsPerRound);
        DigestMetrics metrics = new DigestMetrics();
        metrics.registry = new SimpleMeterRegistry();
        metrics.init();
        dispatcher.metrics = metrics;
        dispatcher.init();
        return dispatcher;
    }

    /** Records the calls; a soft refusal is always set aside (the bound is the real ledger's job). */
    static final class RecordingLedger extends DeliveryLedger {
        final List<String> calls = new ArrayList<>();

        @Override
        public void markSent(OutgoingDigest digest) {
            calls.add("markSent");
        }

        @Override
        public Optional<Instant> defer(OutgoingDigest digest, String reply) {
            calls.add("defer(" + reply + ")");
            return Optional.of(Instant.now());
        }

        @Override
        public void fail(OutgoingDigest digest, String reply, boolean bounce) {
            calls.add("fail(" + reply + ", bounce=" + bounce + ")");
        }

        @Override
        public void outcomeUnknown(OutgoingDigest digest, String why) {
            calls.add("outcomeUnknown(" + why + ")");
        }

        @Override
        public void release(OutgoingDigest digest, String error) {
            calls.add("release(" + error + ")");
        }
    }

    /** Only the settings the dispatcher reads; every other one is absent. */
    private static DigestConfig config(int attemptsPerRound) {
        DigestConfig.Send send = new DigestConfig.Send() {
            public int attemptsPerRound() {
                return attemptsPerRound;
            }

            public Duration initialBackoff() {
                return Duration.ofMillis(1);
            }

            public Duration maxBackoff() {
                return Duration.ofMillis(4);
            }

            public Duration retryAfter() {
                return Duration.ofMinutes(5);
            }

            public Duration maxRetryAfter() {
                return Duration.ofHours(1);
            }
        };
        DigestConfig.Digest digest = proxy(DigestConfig.Digest.class, method -> switch (method) {
            case "ratePerSecond" -> 1000.0;
            case "send" -> send;
            default -> null;
        });
        return proxy(DigestConfig.class, method -> method.equals("digest") ? digest : null);
    }

    private static <T> T proxy(Class<T> type, java.util.function.Function<String, Object> answers) {
        return type.cast(java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answers.apply(method.getName())));
    }
}
