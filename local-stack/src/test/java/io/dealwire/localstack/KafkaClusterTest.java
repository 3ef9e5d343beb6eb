package io.dealwire.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three brokers (what {@code ./dealwire up --brokers 3} runs) under the packaged ingest: every topic on
 * three replicas with two in sync required; one broker lost costs nothing, two refuse every deal with a
 * 503 rather than acknowledge one that a single disk holds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaClusterTest {

    private static Path dataDir;
    private static KafkaCluster cluster;
    private static ServiceProcess ingest;
    private static final Http http = new Http();

    @BeforeAll
    static void startThreeBrokersAndTheIngest() throws Exception {
        Path home = TestHome.path();
        dataDir = Files.createTempDirectory("dealwire-cluster-test-");
        LogSink sink = LogSink.to(System.out);
        cluster = KafkaCluster.start(home.resolve("local-stack/target/lib"), dataDir,
                List.of(FreePorts.any(), FreePorts.any(), FreePorts.any()), sink);
        StackPorts ports = StackPorts.ephemeral();
        ingest = ServiceProcess.start(Service.INGEST, home, ports.ingest(),
                ServiceConfig.of(Service.INGEST, ports, cluster.bootstrapServers(), null, 0), sink);
        ingest.awaitReady();
    }

    @AfterAll
    static void stopEverything() {
        if (ingest != null) {
            ingest.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        Directories.delete(dataDir);
    }

    @Test
    @Order(1)
    void shouldKeepEveryTopicOnThreeReplicasWithTwoInSyncRequired() throws Exception {
        Set<String> topics = LocalTopics.all(cluster.replication()).stream().map(topic -> topic.name())
                .collect(Collectors.toSet());
        try (Admin admin = cluster.admin()) {
            Collection<TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                    .get(30, TimeUnit.SECONDS).values();
            assertThat(described).hasSize(topics.size()).allSatisfy(topic -> assertThat(topic.partitions())
                    .allSatisfy(partition -> assertThat(replicas(partition)).as(topic.name()).hasSize(3)));
            Map<ConfigResource, Config> configs = admin.describeConfigs(topics.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList())
                    .all().get(30, TimeUnit.SECONDS);
            assertThat(configs.values()).hasSize(topics.size())
                    .allSatisfy(config -> assertThat(config.get("min.insync.replicas").value()).isEqualTo("2"));
        }
    }

    @Test
    @Order(2)
    void shouldAcknowledgeWithOneBrokerDownAndAnswer503WithTwoDown() throws Exception {
        assertThat(post("cluster-all-up").status()).isEqualTo(202);

        cluster.stop(0);
        assertThat(post("cluster-one-down").status()).as("two replicas in sync are enough").isEqualTo(202);

        cluster.stop(1);
        Http.Reply refused = post("cluster-two-down");
        assertThat(refused.status()).as("fewer than two in sync: no durable ack").isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    private static List<Integer> replicas(TopicPartitionInfo partition) {
        return partition.replicas().stream().map(node -> node.id()).toList();
    }

    private static Http.Reply post(String externalId) throws Exception {
        return PartnerPosts.post(http, ingest, externalId, "Cluster test deal " + externalId);
    }
}
