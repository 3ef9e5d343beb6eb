package io.dealwire.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * One Kafka broker in KRaft combined mode (broker and controller in one node), run as its own JVM from
 * the Kafka jars in target/lib. Its data survives restarts in the state directory; the storage is
 * formatted on first use only.
 */
public final class KafkaProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final String LOG_LEVEL = "warn";
    /**
     * Kafka's WARN lines that say nothing is wrong: the note that a freshly formatted metadata log is
     * empty, and a client closed twice on a normal shutdown. A healthy stack logs no warning.
     */
    private static final List<String> NOT_WARNINGS = List.of(
            "The metadata log appears to be empty. Appending",
            "Attempting to close NetworkClient that has already been closed");

    private final ManagedProcess process;
    private final String bootstrapServers;

    private KafkaProcess(ManagedProcess process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    public static KafkaProcess start(Path libDir, Path dataDir, int port, LogSink sink)
            throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        Path logDir = dataDir.resolve("logs");
        Path config = dataDir.resolve("server.properties");
        writeConfig(config, logDir, port, FreePorts.any());
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(libDir, dataDir, config, sink);
        }
        ManagedProcess broker = ManagedProcess.start("kafka",
                command(libDir, "kafka.Kafka", config.toString()), dataDir, sink.without(NOT_WARNINGS));
        KafkaProcess kafka = new KafkaProcess(broker, "127.0.0.1:" + port);
        try {
            kafka.awaitReadyAndCreateTopics();
        } catch (RuntimeException | InterruptedException e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    private static void writeConfig(Path file, Path logDir, int port, int controllerPort) throws IOException {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        // a static quorum: the controller's port may change between runs without reformatting
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // a single broker: internal topics cannot have more replicas than that
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("num.partitions", Integer.toString(LocalTopics.DEAL_PARTITIONS));
        props.put("auto.create.topics.enable", "true");
        try (var out = Files.newBufferedWriter(file)) {
            props.store(out, "written by the Deal Wire local stack at every start");
        }
    }

    private static void format(Path libDir, Path dataDir, Path config, LogSink sink)
            throws IOException, InterruptedException {
        String clusterId = Uuid.randomUuid().toString();
        ManagedProcess format = ManagedProcess.start("kafka",
                command(libDir, "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString()),
                dataDir, sink);
        int exit = format.awaitExit(Duration.ofSeconds(60));
        if (exit != 0) {
            throw new IllegalStateException("formatting Kafka's storage failed: " + format.diagnostics());
        }
    }

    private static List<String> command(Path libDir, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(ManagedProcess.java(),
                "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=" + LOG_LEVEL,
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-cp", libDir.resolve("*").toString(),
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private void awaitReadyAndCreateTopics() throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        // the listener first: an admin client started earlier only fills the log with connection warnings
        while (!listening() && System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka did not start: " + process.diagnostics());
            }
            Thread.sleep(250);
        }
        RuntimeException last = null;
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka did not start: " + process.diagnostics());
                }
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    LocalTopics.ensure(admin);
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    last = new IllegalStateException("Kafka at " + bootstrapServers + " not ready yet", e);
                    Thread.sleep(500);
                }
            }
        }
        throw new IllegalStateException("Kafka not ready after " + READY_TIMEOUT.toSeconds() + " s: "
                + process.diagnostics(), last);
    }

    private boolean listening() {
        String[] hostPort = bootstrapServers.split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
