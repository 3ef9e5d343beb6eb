package io.dealwire.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The whole suite on one machine: PostgreSQL, the mail catcher and its mailbox page, Kafka, then the
 * three services, each waited for until ready. {@link #close()} stops everything it started, services
 * first, and leaves no process behind.
 */
public final class LocalStack implements AutoCloseable {

    public static final String STATE_FILE = "stack.properties";

    private final StackSettings settings;
    private final LogSink sink;
    private PostgresChoice postgres;
    private MailCatcher mail;
    private MailboxServer mailbox;
    private KafkaCluster kafka;
    private final List<ServiceProcess> services = new ArrayList<>();
    private boolean closed;

    private LocalStack(StackSettings settings, LogSink sink) {
        this.settings = settings;
        this.sink = sink;
    }

    public static LocalStack start(StackSettings settings, LogSink sink) throws IOException, InterruptedException {
        LocalStack stack = new LocalStack(settings, sink);
        try {
            stack.startAll();
        } catch (IOException | InterruptedException | RuntimeException e) {
            // an interrupted start (Ctrl-C meanwhile) still stops its processes politely
            boolean interrupted = Thread.interrupted();
            stack.close();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
        return stack;
    }

    private void startAll() throws IOException, InterruptedException {
        Path state = settings.stateDir();
        if (settings.fresh()) {
            Directories.delete(state);
        }
        Files.createDirectories(state);
        say("PostgreSQL ...");
        postgres = PostgresChoice.choose(state.resolve("postgres"), settings.database(), settings.fresh(),
                settings.forceEmbeddedPostgres());
        say("using the " + postgres.describe() + ", database " + postgres.database());
        StackPorts ports = settings.ports();
        mail = MailCatcher.start(settings.greenMailJar(), state.resolve("mail"), ports.smtp(), ports.mailApi(), sink);
        say("Kafka (KRaft, " + settings.brokers() + (settings.brokers() == 1 ? " broker" : " brokers") + ") ...");
        kafka = KafkaCluster.start(settings.libDir(), settings.kafkaDir(), settings.kafkaPorts(), sink);
        mail.awaitReady();
        mailbox = MailboxServer.start(ports.mailbox(), mail);
        say("Kafka at " + kafka.bootstrapServers() + ", SMTP catcher at 127.0.0.1:" + mail.smtpPort()
                + ", its mailbox page at " + mailbox.uri());
        if (settings.withServices()) {
            for (Service service : Service.values()) {
                services.add(ServiceProcess.start(service, settings.home(), ports.of(service),
                        ServiceConfig.of(service, ports, kafka.bootstrapServers(), postgres, mail.smtpPort()), sink));
            }
            say("waiting for the services to be ready ...");
            for (ServiceProcess service : services) {
                service.awaitReady();
            }
        }
        writeStateFile();
    }

    private void writeStateFile() throws IOException {
        Properties state = new Properties();
        state.setProperty("kafka.bootstrap.servers", kafka.bootstrapServers());
        state.setProperty("mail.api", mail.ui().toString());
        try (Writer out = Files.newBufferedWriter(settings.stateDir().resolve(STATE_FILE))) {
            state.store(out, "the running local stack (read by ./dealwire redrive)");
        }
    }

    private void stopPostgres() {
        try {
            // an embedded server's data goes with the state directory; a local server keeps its other databases
            if (settings.disposable() && !postgres.isEmbedded()) {
                postgres.dropDatabase();
            }
            postgres.close();
        } catch (RuntimeException e) {
            say("PostgreSQL: " + e.getMessage());
        }
    }

    private void say(String message) {
        sink.line(LogSink.prefix("stack") + message);
    }

    public Urls urls() {
        StackPorts ports = settings.ports();
        return new Urls(local(ports.ingest()), local(ports.catalog()), local(ports.digest()), mail.ui(),
                mailbox.uri(), kafka.bootstrapServers());
    }

    private static URI local(int port) {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public StackSettings settings() {
        return settings;
    }

    public MailCatcher mail() {
        return mail;
    }

    public KafkaCluster kafka() {
        return kafka;
    }

    public PostgresChoice postgres() {
        return postgres;
    }

    /** Every process this stack started (the embedded PostgreSQL's are descendants of this JVM). */
    public List<ManagedProcess> processes() {
        List<ManagedProcess> all = new ArrayList<>();
        services.forEach(service -> all.add(service.process()));
        if (kafka != null) {
            all.addAll(kafka.processes());
        }
        if (mail != null) {
            all.add(mail.process());
        }
        return all;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        say("stopping ...");
        try {
            Files.deleteIfExists(settings.stateDir().resolve(STATE_FILE));
        } catch (IOException e) {
            say("could not delete " + STATE_FILE + ": " + e.getMessage());
        }
        // the services first, all at once: they still need Kafka and PostgreSQL to shut down cleanly
        ManagedProcess.stopAll(services.stream().map(ServiceProcess::process).toList());
        if (kafka != null) {
            kafka.close();
        }
        if (mailbox != null) {
            mailbox.close();
        }
        if (mail != null) {
            mail.close();
        }
        if (postgres != null) {
            stopPostgres();
        }
        if (settings.disposable()) {
            try {
                Directories.delete(settings.stateDir());
            } catch (UncheckedIOException e) {
                say("could not delete " + settings.stateDir() + ": " + e.getMessage());
            }
        }
        say("stopped");
    }
}
