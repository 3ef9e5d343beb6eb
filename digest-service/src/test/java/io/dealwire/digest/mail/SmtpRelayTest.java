package io.dealwire.digest.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dealwire.digest.config.DigestConfig;
import io.dealwire.testsupport.ScriptedSmtpServer;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import jakarta.mail.util.StreamProvider;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The relay client against a real SMTP server on loopback (single class, no app): each refusal comes
 * back with the step it happened at and the relay's reply, which is what {@link SmtpFailure} decides by.
 */
class SmtpRelayTest {

    private final ScriptedSmtpServer smtp = new ScriptedSmtpServer();
    private SmtpRelay relay = relay(smtp.port());

    @AfterEach
    void stop() {
        relay.stop();
        smtp.close();
    }

    @Test
    void shouldNameTheStreamProviderSoJakartaMailStopsScanningTheClassPathForIt() {
        assertThat(System.getProperty(SmtpRelay.STREAM_PROVIDER)).isEqualTo(MailStreamProvider.class.getName());
        assertThat(StreamProvider.provider()).isInstanceOf(MailStreamProvider.class);
    }

    @Test
    void shouldSendOverOneReusedConnectionKeepingTheMessagesHeaders() throws Exception {
        relay.send(mail("reader@example.org").addHeader("Message-ID", "<2026-W45.7@dealwire>")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
        relay.send(mail("other@example.org"));

        assertThat(smtp.received()).hasSize(2);
        String data = smtp.receivedBy("reader@example.org").get(0).data();
        assertThat(data).contains("Message-ID: <2026-W45.7@dealwire>", "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
                "multipart/alternative", "text/plain", "text/html");
        assertThat(smtp.received().get(0).from()).isEqualTo("digest@dealwire.local");
        assertThat(smtp.sessions()).isEqualTo(1);
    }

    @Test
    void shouldTellEachRefusalByItsStepAndReply() throws Exception {
        smtp.refuseRecipient("gone@example.org", "550 5.1.1 No such user");
        smtp.refuseRecipient("full@example.org", "452 4.2.2 Mailbox full");
        smtp.refuseMessage("spam@example.org", "554 5.6.0 Message rejected");
        smtp.dropAfterData("dropped@example.org");

        assertRefused("gone@example.org", SmtpStep.RCPT_TO, 550, "5.1.1 No such user");
        assertRefused("full@example.org", SmtpStep.RCPT_TO, 452, "4.2.2 Mailbox full");
        assertRefused("spam@example.org", SmtpStep.END_OF_DATA, 554, "5.6.0 Message rejected");
        SmtpExchangeException dropped = refusal("dropped@example.org");
        assertThat(dropped.step()).isEqualTo(SmtpStep.END_OF_DATA);
        assertThat(dropped.replyCode()).isZero();
        assertThat(SmtpFailure.of(dropped).kind()).isEqualTo(SmtpFailure.Kind.OUTCOME_UNKNOWN);
        // and the relay still takes the next message
        relay.send(mail("fine@example.org"));
        assertThat(smtp.receivedBy("fine@example.org")).hasSize(1);
    }

    @Test
    void shouldSendOnAFreshConnectionWhenTheRelayClosedTheIdleOne() throws Exception {
        relay.send(mail("first@example.org"));
        smtp.dropConnections(); // what a relay does to a connection idle past its own timeout

        relay.send(mail("second@example.org"));

        assertThat(smtp.receivedBy("second@example.org")).hasSize(1);
        assertThat(smtp.sessions()).isEqualTo(2);
    }

    @Test
    void shouldReportNoReplyBeforeTheMessageWhenNothingListens() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        relay.stop();
        relay = relay(closedPort);

        SmtpExchangeException failure = refusal("anyone@example.org");

        assertThat(failure.step()).isEqualTo(SmtpStep.CONNECT);
        assertThat(failure.replyCode()).isZero();
        assertThat(SmtpFailure.of(failure).kind()).isEqualTo(SmtpFailure.Kind.RELAY_DOWN);
    }

    private void assertRefused(String address, SmtpStep step, int code, String reply) {
        SmtpExchangeException failure = refusal(address);
        assertThat(failure.step()).isEqualTo(step);
        assertThat(failure.replyCode()).isEqualTo(code);
        assertThat(failure.reply()).isEqualTo(reply);
    }

    private SmtpExchangeException refusal(String address) {
        return catchThrowableOfType(SmtpExchangeException.class, () -> relay.send(mail(address)));
    }

    private static MailMessage mail(String to) {
        return new MailMessage().setTo(to).setSubject("Rare Earth Deal Update").setText("text").setHtml("<p>html</p>");
    }

    private static SmtpRelay relay(int port) {
        SmtpRelay relay = new SmtpRelay(mailer(port), config());
        relay.start();
        return relay;
    }

    private static MailerConfig mailer(int port) {
        return new MailerConfig() {
            public String host() {
                return "127.0.0.1";
            }

            public OptionalInt port() {
                return OptionalInt.of(port);
            }

            public String from() {
                return "Deal Wire <digest@dealwire.local>";
            }

            public Optional<String> username() {
                return Optional.empty();
            }

            public Optional<String> password() {
                return Optional.empty();
            }

            public StartTLSOptions startTls() {
                return StartTLSOptions.DISABLED;
            }

            public boolean tls() {
                return false;
            }

            public boolean trustAll() {
                return false;
            }

            public int maxPoolSize() {
                return 10;
            }

            public boolean keepAlive() {
                return true;
            }
        };
    }

    private static DigestConfig config() {
        DigestConfig.Digest digest = (DigestConfig.Digest) java.lang.reflect.Proxy.newProxyInstance(
                DigestConfig.class.getClassLoader(), new Class<?>[] {DigestConfig.Digest.class},
                (proxy, method, args) -> method.getName().equals("smtpTimeout") ? Duration.ofSeconds(5) : null);
        return (DigestConfig) java.lang.reflect.Proxy.newProxyInstance(DigestConfig.class.getClassLoader(),
                new Class<?>[] {DigestConfig.class}, (proxy, method, args) -> method.getName().equals("digest") ? digest : null);
    }
}
