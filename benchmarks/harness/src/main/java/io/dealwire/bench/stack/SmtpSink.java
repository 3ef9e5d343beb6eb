package io.dealwire.bench.stack;

import io.dealwire.localstack.LogSink;
import io.dealwire.localstack.ManagedProcess;
import io.dealwire.localstack.Readiness;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * GreenMail standalone, the local SMTP server the digest sends to. Started here rather than with the
 * launcher's MailCatcher because 10 k kept mails need a bigger heap than a demo's catcher has.
 */
public final class SmtpSink implements AutoCloseable {

    private final ManagedProcess process;
    private final int smtpPort;
    private final URI api;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private SmtpSink(ManagedProcess process, int smtpPort, int apiPort) {
        this.process = process;
        this.smtpPort = smtpPort;
        this.api = URI.create("http://127.0.0.1:" + apiPort + "/");
    }

    public static SmtpSink start(Path jar, Path workDir, int smtpPort, int apiPort, LogSink sink)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw -q package -DskipTests");
        }
        Files.createDirectories(workDir);
        List<String> command = List.of(ManagedProcess.java(), "-Xmx1500m",
                "-Dgreenmail.smtp.hostname=127.0.0.1",
                "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + apiPort,
                "-Dgreenmail.auth.disabled",
                "-jar", jar.toString());
        SmtpSink smtp = new SmtpSink(ManagedProcess.start("mail", command, workDir, sink), smtpPort, apiPort);
        Readiness.await(smtp.process, smtp.api.resolve("api/service/readiness"), Duration.ofSeconds(60));
        return smtp;
    }

    /** Forgets every mail (between runs, so the heap holds one run's mails at most). */
    public void purge() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.resolve("api/mail/purge"))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GreenMail purge answered " + response.statusCode());
        }
    }

    /** The raw JSON of one mailbox's messages (an array; "[]" or a 404 when nothing arrived). */
    public String inboxJson(String email) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                api.resolve("api/user/" + email + "/messages/INBOX/")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : "[]";
    }

    public int smtpPort() {
        return smtpPort;
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
