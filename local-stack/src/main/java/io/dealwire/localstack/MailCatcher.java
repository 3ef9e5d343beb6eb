package io.dealwire.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The SMTP server that keeps every mail: GreenMail standalone in its own JVM. Mails are read through
 * its REST API ({@code GET /api/user/{email}/messages/INBOX}); its web page lists the API.
 */
public final class MailCatcher implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final ManagedProcess process;
    private final int smtpPort;
    private final URI api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    private MailCatcher(ManagedProcess process, int smtpPort, int apiPort) {
        this.process = process;
        this.smtpPort = smtpPort;
        this.api = URI.create("http://127.0.0.1:" + apiPort + "/");
    }

    /** Starts the process; call {@link #awaitReady()} before sending mail to it. */
    public static MailCatcher start(Path jar, Path workDir, int smtpPort, int apiPort, LogSink sink)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw -q package -DskipTests");
        }
        Files.createDirectories(workDir);
        List<String> command = List.of(ManagedProcess.java(), "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dgreenmail.smtp.hostname=127.0.0.1",
                "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + apiPort,
                // any recipient gets a mailbox, and any login is accepted: it is a catcher, not a server
                "-Dgreenmail.auth.disabled",
                "-jar", jar.toString());
        return new MailCatcher(ManagedProcess.start("mail", command, workDir, sink), smtpPort, apiPort);
    }

    public void awaitReady() throws InterruptedException {
        Readiness.await(process, api.resolve("api/service/readiness"), READY_TIMEOUT);
    }

    /** The mails delivered to one address so far, oldest first. */
    public List<MimeMessage> messagesFor(String email) throws IOException, InterruptedException {
        URI uri = api.resolve("api/user/" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/INBOX/");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        List<MimeMessage> messages = new ArrayList<>();
        if (response.statusCode() != 200) {
            return messages; // no mailbox yet: nothing was delivered to that address
        }
        for (JsonNode message : json.readTree(response.body())) {
            messages.add(parse(message.path("mimeMessage").asText()));
        }
        return messages;
    }

    private static MimeMessage parse(String raw) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (MessagingException e) {
            throw new IllegalStateException("the mail catcher returned a mail that is not MIME", e);
        }
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** GreenMail's web page (its REST API and OpenAPI document). */
    public URI ui() {
        return api;
    }

    /** Where the mails of one address can be read as JSON. */
    public URI inbox(String email) {
        return api.resolve("api/user/" + email + "/messages/INBOX/");
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
