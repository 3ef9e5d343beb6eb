package io.dealwire.bench.stack;

import io.dealwire.localstack.FreePorts;
import io.dealwire.localstack.KafkaCluster;
import io.dealwire.localstack.ManagedProcess;
import io.dealwire.localstack.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The infrastructure of one benchmark or fault run, every piece on a free loopback port and in a
 * state directory of its own: the local-stack's Kafka (KRaft, its own JVM), an embedded PostgreSQL
 * and, on demand, GreenMail; the services are started one by one as a run needs them.
 */
public final class BenchStack implements AutoCloseable {

    private final Path home;
    private final Path stateDir;
    private final FileSink sink;
    private final Postgres postgres;
    private final KafkaCluster kafka;
    private SmtpSink smtp;
    private boolean closed;
    private final List<JavaProcess> started = new ArrayList<>();

    private BenchStack(Path home, Path stateDir, FileSink sink, Postgres postgres, KafkaCluster kafka) {
        this.home = home;
        this.stateDir = stateDir;
        this.sink = sink;
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /** @param log where the children's output goes (kept after the run, unlike the state directory) */
    public static BenchStack start(Path home, Path stateDir, Path log) throws IOException, InterruptedException {
        return start(home, stateDir, log, 1);
    }

    /** The same on a cluster of {@code brokers} Kafka nodes (3: every topic RF 3, min.insync.replicas 2). */
    public static BenchStack start(Path home, Path stateDir, Path log, int brokers)
            throws IOException, InterruptedException {
        Files2.deleteTree(stateDir);
        Files.createDirectories(stateDir);
        FileSink sink = new FileSink(log);
        Postgres postgres = Postgres.start(stateDir.resolve("postgres"), FreePorts.any());
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < brokers; i++) {
                ports.add(FreePorts.any());
            }
            KafkaCluster kafka = KafkaCluster.start(libDir(home), stateDir.resolve("kafka"), ports, sink);
            return new BenchStack(home, stateDir, sink, postgres, kafka);
        } catch (IOException | InterruptedException | RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** The harness's copied dependencies, which include the Kafka server and tools jars. */
    public static Path libDir(Path home) {
        return home.resolve("benchmarks/harness/target/lib");
    }

    public SmtpSink smtp() throws IOException, InterruptedException {
        if (smtp == null) {
            smtp = SmtpSink.start(home.resolve("benchmarks/harness/target/greenmail/greenmail-standalone.jar"),
                    stateDir.resolve("mail"), FreePorts.any(), FreePorts.any(), sink);
        }
        return smtp;
    }

    /** Starts a service on a free port with its database (catalog, digest) and extra keys; not yet ready. */
    public JavaProcess startService(Service service, String database, Map<String, String> overrides)
            throws IOException, InterruptedException {
        int port = FreePorts.any();
        int smtpPort = service == Service.DIGEST ? smtp().smtpPort() : 0;
        Map<String, String> config = ServiceSettings.of(service, port, kafka.bootstrapServers(),
                database == null ? null : postgres.jdbcUrl(database), smtpPort);
        config.putAll(overrides);
        JavaProcess process = JavaProcess.start(service.shortName(), service.runJar(home), port, config, List.of(),
                sink);
        started.add(process);
        return process;
    }

    /** The no-op endpoint of benchmarks/noop-endpoint, the HTTP baseline of the ingest. */
    public JavaProcess startNoop() throws IOException {
        int port = FreePorts.any();
        JavaProcess process = JavaProcess.start("noop",
                home.resolve("benchmarks/noop-endpoint/target/quarkus-app/quarkus-run.jar"), port,
                Map.of("quarkus.http.port", Integer.toString(port)), List.of(), sink);
        started.add(process);
        return process;
    }

    public void createTopic(String name, int partitions) {
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, kafka.replication().factor()).configs(
                    Map.of("min.insync.replicas", Integer.toString(kafka.replication().minInSync())))))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create topic " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops a service politely (SIGTERM) and forgets it. */
    public void stop(JavaProcess process) {
        process.close();
        started.remove(process);
    }

    /** kill -9 of the broker (the first node): no controlled shutdown, the log is recovered at the next start. */
    public void killKafka() {
        kafka.kill(0);
    }

    /** Starts the broker again on the same port and data (the storage is formatted already). */
    public void restartKafka() throws IOException, InterruptedException {
        kafka.restart(0);
    }

    /** Replaces a started process by its respawned successor, so close() stops the right one. */
    public JavaProcess respawn(JavaProcess killed) throws IOException {
        started.remove(killed);
        JavaProcess successor = killed.respawn();
        started.add(successor);
        return successor;
    }

    public Postgres postgres() {
        return postgres;
    }

    public KafkaCluster kafka() {
        return kafka;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public Path home() {
        return home;
    }

    public Path stateDir() {
        return stateDir;
    }

    public FileSink sink() {
        return sink;
    }

    /** Stops everything also when the JVM is told to end (Ctrl-C, the run's timeout): no orphan left. */
    public BenchStack closeOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "bench-stack-shutdown"));
        return this;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ManagedProcess.stopAll(started.stream().map(JavaProcess::process).toList());
        kafka.close();
        if (smtp != null) {
            smtp.close();
        }
        postgres.close();
        sink.close();
        try {
            Files2.deleteTree(stateDir);
        } catch (UncheckedIOException e) {
            System.err.println("could not delete " + stateDir + ": " + e.getMessage());
        }
    }
}
