package io.dealwire.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * Kafka on loopback: one node, or three that replicate every topic (RF 3, {@code min.insync.replicas=2},
 * Strimzi's defaults). Each node is its own JVM in KRaft combined mode, so the three controllers form
 * the quorum without three more JVMs on a 2-core machine. The suite's topics are created once the
 * cluster answers.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final String CLUSTER_ID_FILE = "cluster.id";
    /** What each node says of the peers it cannot reach yet while all of them start: not a fault then. */
    private static final String PEER_NOT_UP = "could not be established. Node may not be available.";

    /** How every topic is replicated on a cluster of a given size. */
    public record Replication(short factor, int minInSync) {
        public static Replication of(int brokers) {
            return brokers >= 3 ? new Replication((short) 3, 2) : new Replication((short) brokers, 1);
        }
    }

    private final Path libDir;
    private final Path dataDir;
    private final LogSink sink;
    private final String clusterId;
    private final List<KafkaProcess.Node> quorum;
    private final List<KafkaProcess> nodes = new ArrayList<>();
    private volatile boolean started;
    private volatile boolean stopping;

    private KafkaCluster(Path libDir, Path dataDir, LogSink sink, String clusterId, List<KafkaProcess.Node> quorum) {
        this.libDir = libDir;
        this.dataDir = dataDir;
        this.sink = sink;
        this.clusterId = clusterId;
        this.quorum = quorum;
    }

    /** Starts one node per port, waits until all of them answer, creates the suite's topics. */
    public static KafkaCluster start(Path libDir, Path dataDir, List<Integer> ports, LogSink sink)
            throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        List<KafkaProcess.Node> quorum = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            quorum.add(new KafkaProcess.Node(i + 1, ports.get(i), FreePorts.any()));
        }
        KafkaCluster cluster = new KafkaCluster(libDir, dataDir, sink, clusterId(dataDir), quorum);
        try {
            cluster.startNodes();
            KafkaReadiness.await(cluster.nodes, cluster::admin, ids -> ids.size() >= quorum.size());
            cluster.started = true;
            try (Admin admin = cluster.admin()) {
                LocalTopics.ensure(admin, cluster.replication());
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("could not create the topics on " + cluster.bootstrapServers(), e);
            }
        } catch (RuntimeException | IOException | InterruptedException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** Every node of one cluster is formatted with the same id, kept beside them for later starts. */
    private static String clusterId(Path dataDir) throws IOException {
        Path file = dataDir.resolve(CLUSTER_ID_FILE);
        if (Files.isRegularFile(file)) {
            return Files.readString(file).strip();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id);
        return id;
    }

    /**
     * The nodes start (and format their storage) in parallel, one thread each: three JVM starts cost
     * about one. Ctrl-C meanwhile interrupts every start (a format in progress is stopped by its wait)
     * and keeps what did start, so that {@link #close()} stops it.
     */
    private void startNodes() throws IOException, InterruptedException {
        ExecutorService starting = Executors.newFixedThreadPool(quorum.size());
        List<Future<KafkaProcess>> futures = new ArrayList<>();
        for (KafkaProcess.Node node : quorum) {
            futures.add(starting.submit(() -> startNode(node)));
        }
        starting.shutdown();
        Throwable failure = null;
        boolean interrupted = false;
        for (Future<KafkaProcess> future : futures) {
            while (true) {
                try {
                    nodes.add(future.get());
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    starting.shutdownNow();
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                    break;
                }
            }
        }
        if (interrupted) {
            throw new InterruptedException("interrupted while Kafka was starting");
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure != null) {
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
    }

    private KafkaProcess startNode(KafkaProcess.Node node) throws IOException, InterruptedException {
        boolean single = quorum.size() == 1;
        Path nodeDir = single ? dataDir : dataDir.resolve("node-" + node.id());
        String logName = single ? "kafka" : "kafka-" + node.id();
        // While the whole cluster stops, each node reports the others leaving (failed fetches, a quorum
        // cut short): consequences of the stop, not faults, so they are not shown. They stay in the
        // node's last lines (ManagedProcess.diagnostics) should it fail to stop.
        LogSink quiet = line -> {
            if (!stopping && (started || !line.contains(PEER_NOT_UP))) {
                sink.line(line);
            }
        };
        return KafkaProcess.start(libDir, nodeDir, node, quorum, clusterId, logName, quiet);
    }

    /** kill -9 of one node: no controlled shutdown, its log is recovered when it starts again. */
    public void kill(int index) {
        ProcessHandle handle = nodes.get(index).process().handle();
        handle.destroyForcibly();
        handle.onExit().join();
    }

    /** Stops one node politely (a controlled shutdown moves its leaderships first). */
    public void stop(int index) {
        nodes.get(index).close();
    }

    /** Starts a stopped or killed node again, on the same ports and data; returns once it is registered. */
    public void restart(int index) throws IOException, InterruptedException {
        KafkaProcess node = startNode(quorum.get(index));
        nodes.set(index, node);
        KafkaReadiness.await(List.of(node), this::admin, ids -> ids.contains(node.node().id()));
    }

    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
    }

    public String bootstrapServers() {
        return quorum.stream().map(node -> "127.0.0.1:" + node.port()).collect(Collectors.joining(","));
    }

    public int brokers() {
        return quorum.size();
    }

    public Replication replication() {
        return Replication.of(brokers());
    }

    public KafkaProcess node(int index) {
        return nodes.get(index);
    }

    /** The nodes' processes, for stopping and for checking that none is left. */
    public List<ManagedProcess> processes() {
        return nodes.stream().map(KafkaProcess::process).toList();
    }

    /** Stops every node together: none waits for another to hand over its partitions. */
    @Override
    public void close() {
        stopping = true;
        ManagedProcess.stopAll(processes());
    }
}
