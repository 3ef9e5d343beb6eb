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
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The demo's journey on the three packaged services, real Kafka (its own process), real PostgreSQL and
 * a real SMTP catcher: one stack on free ports, so it never clashes with other tests or a dev stack.
 * On that stack, after the demo, every request example of the docs is run as printed; and the whole
 * run, start to stop, must log no warning.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTest {

    /** A WARN or ERROR line of any process (Quarkus, Kafka and GreenMail put the level between blanks). */
    private static final Pattern ALARM = Pattern.compile("\\s(WARN|ERROR)\\s");

    private static final List<String> log = new CopyOnWriteArrayList<>();
    private static final List<ProcessHandle> started = new ArrayList<>();
    private static Path home;
    private static LocalStack stack;
    private static DemoJourney.Result result;

    @BeforeAll
    static void startTheStackAndRunTheDemo() throws Exception {
        home = TestHome.path();
        Path state = Files.createTempDirectory("dealwire-e2e-");
        String database = "dealwire_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        LogSink console = LogSink.to(System.out);
        LogSink sink = line -> {
            log.add(line);
            console.line(line);
        };
        stack = LocalStack.start(StackSettings.isolated(home, state, database, false), sink);
        stack.processes().forEach(process -> started.add(process.handle()));
        ProcessHandle.current().descendants().forEach(started::add);
        result = new DemoJourney(stack.urls(), stack.mail(), sink, state.resolve("delivered")).run();
    }

    @AfterAll
    static void stopTheStackQuietlyLeavingNoProcess() {
        if (stack != null) {
            stack.close();
        }
        assertThat(started).as("processes still alive after the stack stopped").noneMatch(ProcessHandle::isAlive);
        assertThat(log).as("a healthy run, start to stop, logs no warning").noneMatch(line -> ALARM.matcher(line).find());
    }

    @Test
    @Order(1)
    void shouldDeliverTheSeedWeekToTheConfirmedSubscriber() throws Exception {
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
        assertThat(get(result.mailbox())).as("the issue on the stack's mailbox page")
                .contains("A Global Race to Rewire Supply Chains", "<iframe sandbox");

        // kept as files to open after the stack is gone: the mail as received, its HTML and text
        try (InputStream eml = Files.newInputStream(result.saved().eml())) {
            assertThat(new MimeMessage(Session.getInstance(new Properties()), eml).getSubject())
                    .isEqualTo(digest.getSubject());
        }
        assertThat(result.saved().html().getFileName()).hasToString("issue-2025-W37.html");
        assertThat(Files.readString(result.saved().html())).isEqualTo(html).contains(DemoData.headlines().get(0));
        assertThat(Files.readString(result.saved().text())).isEqualTo(text).contains(DemoData.headlines().get(0));
    }

    @Test
    @Order(2)
    void shouldAnswerEveryRequestExampleOfTheDocsAsDocumented() throws Exception {
        Urls urls = stack.urls();
        Map<Integer, Integer> ports = Map.of(Service.INGEST.defaultPort(), urls.ingest().getPort(),
                Service.CATALOG.defaultPort(), urls.catalog().getPort(),
                Service.DIGEST.defaultPort(), urls.digest().getPort());
        List<DocumentedRequest> examples = new ArrayList<>();
        for (Path document : RepositoryDocuments.markdown(home)) {
            examples.addAll(DocumentedRequest.in(home, document));
        }
        assertThat(examples).as("the docs show requests a reader can run").isNotEmpty()
                .allSatisfy(example -> assertThat(example.command()).as(example.source()).startsWith("curl -i "));

        List<String> wrong = new ArrayList<>();
        for (DocumentedRequest example : examples) {
            int status = example.runWith(ports);
            System.out.println("[docs   ] " + example.source() + ": " + status);
            if (status != example.status()) {
                wrong.add(example.source() + ": documented " + example.status() + ", answered " + status);
            }
        }
        assertThat(wrong).isEmpty();
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
