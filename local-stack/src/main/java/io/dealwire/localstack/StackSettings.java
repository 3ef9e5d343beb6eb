package io.dealwire.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to run the stack.
 *
 * @param home the repository (where the services' target/ directories are)
 * @param stateDir Kafka's log, the embedded PostgreSQL's data, the mail catcher's working directory
 * @param database the database catalog and digest share (each in its own schema)
 * @param fresh start from nothing: empty topics, a dropped and recreated database
 * @param disposable drop the database and delete the state directory when the stack stops (tests)
 * @param withServices false starts the infrastructure only
 * @param forceEmbeddedPostgres ignore a local PostgreSQL
 * @param brokers Kafka nodes: 1, or 3 replicating every topic ({@link KafkaCluster})
 */
public record StackSettings(Path home, Path stateDir, String database, boolean fresh, boolean disposable,
        boolean withServices, boolean forceEmbeddedPostgres, StackPorts ports, int brokers) {

    /** {@code ./dealwire up}: the documented ports, data kept between runs in .dealwire/up. */
    public static StackSettings up(Path home, boolean forceEmbeddedPostgres) {
        return new StackSettings(home, home.resolve(".dealwire/up"), "dealwire", false, false, true,
                forceEmbeddedPostgres, StackPorts.conventional(), 1);
    }

    /** {@code ./dealwire demo}: a clean slate every time, so the demo issue is always sent anew. */
    public static StackSettings demo(Path home, boolean forceEmbeddedPostgres) {
        return new StackSettings(home, home.resolve(".dealwire/demo"), "dealwire_demo", true, false, true,
                forceEmbeddedPostgres, StackPorts.conventional(), 1);
    }

    /** Tests: free ports, a database and a state directory of their own, all removed afterwards. */
    public static StackSettings isolated(Path home, Path stateDir, String database, boolean forceEmbeddedPostgres) {
        return new StackSettings(home, stateDir, database, true, true, true, forceEmbeddedPostgres,
                StackPorts.ephemeral(), 1);
    }

    public StackSettings withoutServices() {
        return new StackSettings(home, stateDir, database, fresh, disposable, false, forceEmbeddedPostgres, ports,
                brokers);
    }

    public StackSettings withBrokers(int brokers) {
        return new StackSettings(home, stateDir, database, fresh, disposable, withServices, forceEmbeddedPostgres,
                ports, brokers);
    }

    /**
     * Kafka's data: a cluster of three keeps its own, so switching between one broker and three never
     * mixes their logs.
     */
    public Path kafkaDir() {
        return stateDir.resolve(brokers == 1 ? "kafka" : "kafka-" + brokers);
    }

    /** The brokers' ports: the first is {@link StackPorts#kafka()}, the others the next free ones after it. */
    public List<Integer> kafkaPorts() {
        List<Integer> kafka = new ArrayList<>(List.of(ports.kafka()));
        for (int i = 1; i < brokers; i++) {
            kafka.add(FreePorts.preferred(ports.kafka() + i));
        }
        return kafka;
    }

    public Path libDir() {
        return home.resolve("local-stack/target/lib");
    }

    public Path greenMailJar() {
        return home.resolve("local-stack/target/greenmail/greenmail-standalone.jar");
    }
}
