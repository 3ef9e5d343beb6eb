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
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The SMTP server that keeps every mail: GreenMail standalone in its own JVM. Mails are read through
 * its REST API ({@code GET /api/user} and {@code GET /api/user/{email}/messages/INBOX}); its web page lists
 * the API, {@link MailboxServer} shows the mails.
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
        List<MimeMessage> messages = new ArrayList<>();
        for (String raw : rawMessagesFor(email)) {
            messages.add(parse(raw));
        }
        return messages;
    }

    /**
     * Every mail caught so far in every mailbox, newest first. One mail to several recipients is kept
     * by GreenMail once per mailbox, byte for byte the same: it is listed once, with all its mailboxes.
     */
    public List<CaughtMail> caught() throws IOException, InterruptedException {
        Map<String, List<String>> mailboxesByRaw = new LinkedHashMap<>();
        HttpResponse<String> users = get(api.resolve("api/user"));
        if (users.statusCode() != 200) {
            throw new IOException("the mail catcher's user list answered HTTP " + users.statusCode());
        }
        for (JsonNode user : json.readTree(users.body())) {
            String email = user.path("email").asText();
            for (String raw : rawMessagesFor(email)) {
                mailboxesByRaw.computeIfAbsent(raw, any -> new ArrayList<>()).add(email);
            }
        }
        List<CaughtMail> mails = new ArrayList<>();
        mailboxesByRaw.forEach((raw, mailboxes) -> mails.add(CaughtMail.of(raw, mailboxes, parse(raw))));
        // later deliveries first where the Date headers tie (a mailbox lists its mails oldest first)
        Collections.reverse(mails);
        mails.sort(Comparator.comparing(CaughtMail::sent, Comparator.nullsFirst(Comparator.<Date>naturalOrder()))
                .reversed());
        return mails;
    }

    private List<String> rawMessagesFor(String email) throws IOException, InterruptedException {
        HttpResponse<String> response = get(
                api.resolve("api/user/" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/INBOX/"));
        List<String> raws = new ArrayList<>();
        if (response.statusCode() != 200) {
            return raws; // no mailbox yet: nothing was delivered to that address
        }
        for (JsonNode message : json.readTree(response.body())) {
            raws.add(message.path("mimeMessage").asText());
        }
        return raws;
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
