package io.dealwire.localstack;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Node;

/** Waiting for Kafka nodes: their ports first, then the cluster's own list of registered brokers. */
final class KafkaReadiness {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private KafkaReadiness() {
    }

    /**
     * Until every node listens and the registered broker ids satisfy {@code registered}; fails at once
     * when a node's process ends, and after {@link #TIMEOUT} otherwise.
     */
    static void await(List<KafkaProcess> nodes, Supplier<Admin> admins, Predicate<Set<Integer>> registered)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        // the listeners first: an admin client started earlier only fills the log with connection warnings
        for (KafkaProcess node : nodes) {
            while (!node.listening()) {
                checkAlive(node);
                if (System.nanoTime() > deadline) {
                    throw notReady(nodes, null);
                }
                Thread.sleep(250);
            }
        }
        Exception last = null;
        try (Admin admin = admins.get()) {
            while (System.nanoTime() < deadline) {
                nodes.forEach(KafkaReadiness::checkAlive);
                try {
                    Set<Integer> ids = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).stream()
                            .map(Node::id).collect(Collectors.toSet());
                    if (registered.test(ids)) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e; // not there yet
                }
                Thread.sleep(250);
            }
        }
        throw notReady(nodes, last);
    }

    private static void checkAlive(KafkaProcess node) {
        if (!node.process().isAlive()) {
            throw new IllegalStateException("Kafka did not start: " + node.process().diagnostics());
        }
    }

    private static IllegalStateException notReady(List<KafkaProcess> nodes, Exception cause) {
        String ports = nodes.stream().map(node -> Integer.toString(node.node().port())).collect(Collectors.joining(","));
        return new IllegalStateException("Kafka on port(s) " + ports + " not ready after " + TIMEOUT.toSeconds() + " s",
                cause);
    }
}
