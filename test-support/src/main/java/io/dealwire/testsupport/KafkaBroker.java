package io.dealwire.testsupport;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * One Kafka broker for the whole test JVM, started on first use and closed at JVM exit:
 * starting a broker per test class would cost seconds each and test nothing more.
 */
public final class KafkaBroker {

    private static String bootstrapServers;
    private static AutoCloseable broker;

    private KafkaBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            start();
        }
        return bootstrapServers;
    }

    private static void start() {
        if (TestInfrastructure.useContainers()) {
            Containers.KafkaHandle kafka = Containers.startKafka();
            broker = kafka;
            bootstrapServers = kafka.bootstrapServers();
        } else {
            EmbeddedKafkaBroker embedded = new EmbeddedKafkaBroker()
                    .withKafkaHost("127.0.0.1")
                    .withDeleteLogDirsOnClose(true)
                    .withAdditionalProperties(props -> {
                        // a single broker: internal topics cannot have more replicas than that
                        props.put("offsets.topic.replication.factor", "1");
                        props.put("transaction.state.log.replication.factor", "1");
                        props.put("transaction.state.log.min.isr", "1");
                        props.put("group.initial.rebalance.delay.ms", "0");
                        props.put("num.partitions", "3");
                        props.put("auto.create.topics.enable", "true");
                    })
                    .start();
            broker = embedded;
            bootstrapServers = embedded.getAdvertisedListeners();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(KafkaBroker::close, "kafka-broker-shutdown"));
    }

    private static synchronized void close() {
        try {
            if (broker != null) {
                broker.close();
            }
        } catch (Exception ignored) {
            // the JVM is exiting; log dirs are temporary
        }
    }
}
