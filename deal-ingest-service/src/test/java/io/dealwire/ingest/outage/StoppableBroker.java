package io.dealwire.ingest.outage;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A broker of this test's own that it may stop and start again: same ports, same log directory and
 * cluster id, so what was acknowledged before the outage is still there afterwards.
 */
public final class StoppableBroker {

    private final int port = freePort();
    private final int controllerPort = freePort();
    private final String clusterId = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    private final Path logDir;
    private EmbeddedKafkaBroker broker;

    StoppableBroker() {
        try {
            logDir = Files.createTempDirectory("dealwire-outage-broker");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void start() {
        broker = new EmbeddedKafkaBroker()
                .withKafkaHost("127.0.0.1")
                .withKafkaPort(port)
                .withControllerPort(controllerPort)
                .withClusterId(clusterId)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(props -> {
                    props.put("log.dir", logDir.toString());
                    props.put("num.partitions", "3");
                    props.put("auto.create.topics.enable", "true");
                    props.put("offsets.topic.replication.factor", "1");
                    props.put("transaction.state.log.replication.factor", "1");
                    props.put("transaction.state.log.min.isr", "1");
                    props.put("group.initial.rebalance.delay.ms", "0");
                })
                .start();
    }

    public synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    void delete() {
        stop();
        try (var files = Files.walk(logDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory; the OS cleans it eventually
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
