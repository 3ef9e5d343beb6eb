package io.dealwire.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The demo's journey on the three packaged services, real Kafka (its own process), real PostgreSQL and
 * a real SMTP catcher: one stack on free ports, so it never clashes with other tests or a dev stack.
 */
class EndToEndTest {

    @Test
    void shouldDeliverTheSeedWeekToTheConfirmedSubscriberAndLeaveNoProcessBehind() throws Exception {
        Path home = TestHome.path();
        Path state = Files.createTempDirectory("dealwire-e2e-");
        String database = "dealwire_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        List<ProcessHandle> started = new ArrayList<>();

        try (LocalStack stack = LocalStack.start(StackSettings.isolated(home, state, database, false),
                LogSink.to(System.out))) {
            stack.processes().forEach(process -> started.add(process.handle()));
            ProcessHandle.current().descendants().forEach(started::add);

            DemoJourney.Result result = new DemoJourney(stack.urls(), stack.mail(), LogSink.to(System.out),
                    state.resolve("delivered")).run();

            MimeMessage digest = result.digest();
            // the demo's editor gave the title: it leads the subject, the counts follow as always
            assertThat(digest.getSubject()).startsWith("A Global Race to Rewire Supply Chains — week of")
                    .contains("9 deals");
            assertThat(digest.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
            String text = Mails.part(digest, "text/plain").orElseThrow();
            assertThat(text).contains(DemoData.headlines());
            String html = Mails.part(digest, "text/html").orElseThrow(() -> new AssertionError("no HTML alternative"));
            assertThat(html).as("the editor's intro, in the seed's words")
                    .contains("This past week underscored just how global—and urgent—the effort has become to build"
                            + " rare earth supply chains outside of China’s grip.")
                    .contains("— the editor");
            long digests = stack.mail().messagesFor(DemoData.SUBSCRIBER_EMAIL).stream()
                    .filter(EndToEndTest::isDigest).count();
            assertThat(digests).as("one issue, one mail").isEqualTo(1);
            assertThat(get(result.archive())).contains(DemoData.headlines().get(0));

            // kept as files to open after the stack is gone: the mail as received, its HTML and text
            try (InputStream eml = Files.newInputStream(result.saved().eml())) {
                assertThat(new MimeMessage(Session.getInstance(new Properties()), eml).getSubject())
                        .isEqualTo(digest.getSubject());
            }
            assertThat(result.saved().html().getFileName()).hasToString("issue-2025-W37.html");
            assertThat(Files.readString(result.saved().html())).isEqualTo(html).contains(DemoData.headlines().get(0));
            assertThat(Files.readString(result.saved().text())).isEqualTo(text).contains(DemoData.headlines().get(0));
        }

        assertThat(started).as("processes still alive after the stack stopped")
                .noneMatch(ProcessHandle::isAlive);
    }

    private static boolean isDigest(MimeMessage message) {
        try {
            return DemoJourney.isDigest(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String get(URI uri) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", uri).isEqualTo(200);
        return response.body();
    }
}
