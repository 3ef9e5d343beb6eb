package io.dealwire.browser;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealwire.localstack.DevKeys;
import io.dealwire.localstack.LocalStack;
import io.dealwire.localstack.LogSink;
import io.dealwire.localstack.StackSettings;
import io.dealwire.localstack.Urls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * The packaged services on real Kafka, PostgreSQL and GreenMail, started by local-stack's launcher on
 * free ports with a database of their own, and seeded through the real APIs. One per test run
 * ({@link StackExtension}): starting five JVMs is the expensive part.
 */
final class Stack implements AutoCloseable {

    static final Duration PIPELINE_WAIT = Duration.ofSeconds(120);

    private final LocalStack local;
    private final Urls urls;
    private final Inbox inbox;
    private final Api api = new Api();
    private Seeded seeded;

    private Stack(LocalStack local) {
        this.local = local;
        this.urls = local.urls();
        this.inbox = new Inbox(local.mail());
    }

    static Stack startAndSeed() {
        try {
            Path state = Files.createTempDirectory("dealwire-browser-");
            String database = "dealwire_browser_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            LocalStack local = LocalStack.start(StackSettings.isolated(home(), state, database, false),
                    LogSink.to(System.out));
            Stack stack = new Stack(local);
            try {
                stack.seeded = new Seeding(stack).run();
            } catch (RuntimeException | Error e) {
                stack.close();
                throw e;
            }
            return stack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The repository (set by failsafe), where the services' jars and local-stack/target/lib are. */
    private static Path home() {
        Path home = Path.of(System.getProperty("dealwire.home", "..")).toAbsolutePath().normalize();
        if (!Files.isDirectory(home.resolve("local-stack/target/lib"))) {
            throw new IllegalStateException(home + " has no local-stack/target/lib: package local-stack first");
        }
        return home;
    }

    Seeded seeded() {
        return seeded;
    }

    Inbox inbox() {
        return inbox;
    }

    Api api() {
        return api;
    }

    URI catalog(String path) {
        return urls.catalog().resolve(path);
    }

    URI digest(String path) {
        return urls.digest().resolve(path);
    }

    URI ingest(String path) {
        return urls.ingest().resolve(path);
    }

    /** The admin API's send: freezes the week's issue and sends it in the background. */
    void sendIssue(String week) {
        Api.expect(202, api.post(digest("api/v1/digests/" + week + "/send"), DevKeys.ADMIN_KEY), "send " + week);
    }

    /** Waits until every delivery of the week's issue is closed (the mails are then in the catcher). */
    JsonNode awaitSent(String week) {
        URI state = digest("api/v1/digests/" + week);
        return Awaitility.await("issue " + week + " SENT").atMost(PIPELINE_WAIT).pollInterval(Duration.ofMillis(300))
                .until(() -> api.get(state, DevKeys.ADMIN_KEY).json(), json -> "SENT".equals(json.path("status").asText()));
    }

    @Override
    public void close() {
        local.close();
    }
}
