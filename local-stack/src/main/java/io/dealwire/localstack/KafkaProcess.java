package io.dealwire.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * One Kafka node in KRaft combined mode (broker and controller in one JVM), run from the Kafka jars in
 * target/lib; a {@link KafkaCluster} starts one or three of them. Its data survives restarts in its
 * directory; the storage is formatted on first use only.
 */
public final class KafkaProcess implements AutoCloseable {

    private static final String LOG_LEVEL = "warn";
    /**
     * Kafka's WARN lines that say nothing is wrong: the note that a freshly formatted metadata log is
     * empty, and a client closed twice on a normal shutdown. A healthy stack logs no warning.
     */
    private static final List<String> NOT_WARNINGS = List.of(
            "The metadata log appears to be empty. Appending",
            "Attempting to close NetworkClient that has already been closed");

    /** Where one node listens: its broker port (clients) and its controller port (the quorum). */
    public record Node(int id, int port, int controllerPort) {
        String voter() {
            return id + "@127.0.0.1:" + controllerPort;
        }
    }

    private final Node node;
    private final ManagedProcess process;

    private KafkaProcess(Node node, ManagedProcess process) {
        this.node = node;
        this.process = process;
    }

    /** Formats the node's storage if it is new, then starts it; {@link KafkaCluster} waits for it. */
    static KafkaProcess start(Path libDir, Path dataDir, Node node, List<Node> quorum, String clusterId,
            String logName, LogSink sink) throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        Path logDir = dataDir.resolve("logs");
        Path config = dataDir.resolve("server.properties");
        writeConfig(config, logDir, node, quorum);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(libDir, dataDir, config, clusterId, logName, sink);
        }
        ManagedProcess broker = ManagedProcess.start(logName, command(libDir, "kafka.Kafka", config.toString()),
                dataDir, sink.without(NOT_WARNINGS));
        return new KafkaProcess(node, broker);
    }

    private static void writeConfig(Path file, Path logDir, Node node, List<Node> quorum) throws IOException {
        KafkaCluster.Replication replication = KafkaCluster.Replication.of(quorum.size());
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(node.id()));
        // a static quorum: the controllers' ports may change between runs without reformatting
        props.put("controller.quorum.voters", quorum.stream().map(Node::voter).collect(Collectors.joining(",")));
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + node.port() + ",CONTROLLER://127.0.0.1:"
                + node.controllerPort());
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + node.port());
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // internal and auto-created topics as replicated as the suite's own (Strimzi's defaults on three)
        String factor = Short.toString(replication.factor());
        String minInSync = Integer.toString(replication.minInSync());
        props.put("default.replication.factor", factor);
        props.put("min.insync.replicas", minInSync);
        props.put("offsets.topic.replication.factor", factor);
        props.put("transaction.state.log.replication.factor", factor);
        props.put("transaction.state.log.min.isr", minInSync);
        props.put("share.coordinator.state.topic.replication.factor", factor);
        props.put("share.coordinator.state.topic.min.isr", minInSync);
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("num.partitions", Integer.toString(LocalTopics.DEAL_PARTITIONS));
        props.put("auto.create.topics.enable", "true");
        try (var out = Files.newBufferedWriter(file)) {
            props.store(out, "written by the Deal Wire local stack at every start");
        }
    }

    private static void format(Path libDir, Path dataDir, Path config, String clusterId, String logName,
            LogSink sink) throws IOException, InterruptedException {
        ManagedProcess format = ManagedProcess.start(logName,
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

    /** Whether the broker port accepts connections yet. */
    boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", node.port()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public Node node() {
        return node;
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
