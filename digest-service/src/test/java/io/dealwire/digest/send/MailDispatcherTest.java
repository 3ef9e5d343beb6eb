package io.dealwire.digest.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealwire.digest.config.DigestConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.dealwire.digest.mail.SmtpRelay;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher's decisions for one message, with a scripted mail server and a ledger that only
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
    void shouldRetryAReplyOfThisMessageWithBackOffCountingItAndThenSend() throws Exception {
        script.add(smtpReply("recipient address not accepted", 451, false));

        assertThat(dispatcher(4).deliver(DEFAULT_DIGEST)).isEqualTo(MailDispatcher.Result.SENT);
        // the success itself is recorded by the sender, in the commit that claims the next message
        assertThat(ledger.calls).containsExactly("recordFailure(SMTP 451 try later, permanent=false)");
        assertThat(accepted).hasSize(1);
        assertThat(accepted.get(0).getHeaders().getAll("Message-ID")).containsExactly("<2026-W30.7@dealwire>");
        assertThat(accepted.get(0).getHeaders().getAll("List-Unsubscribe-Post"))
                .containsExactly("List-Unsubscribe=One-Click");
    }

    @Test
    void shouldRecordAPermanentReplyAtOnce() throws Exception {
        script.add(smtpReply("recipient address not accepted", 550, true));

        assertThat(dispatcher(4).deliver(DEFAULT_DIGEST)).isEqualTo(MailDispatcher.Result.FAILED);
        assertThat(ledger.calls).containsExactly("recordFailure(SMTP 550 try later, permanent=true)");
        assertThat(accepted).isEmpty();
    }

    @Test
    void shouldReleaseTheRowWithoutCountingAnAttemptWhenTheServerIsUnreachable() throws Exception {
        script.add(new CompletionException(new ConnectException("Connection refused")));
        script.add(smtpReply("got error response", 554, true)); // greeting refused: not about this message
        script.add(smtpReply("recipient address not accepted", 421, false)); // server closing the channel

        assertThat(dispatcher(3).deliver(DEFAULT_DIGEST)).isEqualTo(MailDispatcher.Result.PAUSED);
        assertThat(ledger.calls).containsExactly("release(mail server unavailable: SMTP 421 try later)");
        assertThat(accepted).isEmpty();
    }

    private static RuntimeException smtpReply(String stage, int code, boolean permanent) {
        return new CompletionException(new SMTPException(stage, code, List.of("try later"), permanent));
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
        dispatcher.config = config(attemptsPerRound, 12);
        DigestMetrics metrics = new DigestMetrics();
        metrics.registry = new SimpleMeterRegistry();
        metrics.init();
        dispatcher.metrics = metrics;
        dispatcher.init();
        return dispatcher;
    }

    /** Records the calls; FAILED exactly when told the reply is permanent (the bound is the real ledger's job). */
    static final class RecordingLedger extends DeliveryLedger {
        final List<String> calls = new ArrayList<>();

        @Override
        public void markSent(OutgoingDigest digest) {
            calls.add("markSent");
        }

        @Override
        public boolean recordFailure(OutgoingDigest digest, String error, boolean permanent) {
            calls.add("recordFailure(" + error + ", permanent=" + permanent + ")");
            return permanent;
        }

        @Override
        public void release(OutgoingDigest digest, String error) {
            calls.add("release(" + error + ")");
        }
    }

    /** Only the settings the dispatcher reads; every other one is absent. */
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
