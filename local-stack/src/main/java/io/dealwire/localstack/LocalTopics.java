package io.dealwire.localstack;

import io.dealwire.contract.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topics of the suite, created up front with the settings documented in docs/operations.md and
 * deploy/k8s/kafka/topics.yaml (the deploy consistency test compares them), so the local broker behaves
 * like a real one instead of relying on auto-created defaults.
 */
public final class LocalTopics {

    /** Room for three consumers per group; a deal's events always share one partition (key = dealId). */
    public static final int DEAL_PARTITIONS = 3;
    /** Revisions stay readable for a week before compaction may keep only a deal's latest event. */
    public static final String MIN_COMPACTION_LAG_MS = Long.toString(TimeUnit.DAYS.toMillis(7));
    /** Dead letters wait four weeks for someone to look at them. */
    public static final String DLQ_RETENTION_MS = Long.toString(TimeUnit.DAYS.toMillis(28));

    private LocalTopics() {
    }

    /** The suite's topics, each replicated as {@code replication} says (min.insync.replicas included). */
    public static List<NewTopic> all(KafkaCluster.Replication replication) {
        return List.of(
                topic(Topics.DEALS, DEAL_PARTITIONS, replication, Map.of(
                        "cleanup.policy", "compact",
                        "min.compaction.lag.ms", MIN_COMPACTION_LAG_MS)),
                deadLetters(Topics.CATALOG_GROUP, replication),
                deadLetters(Topics.DIGEST_GROUP, replication),
                topic(Topics.DIGESTS, 1, replication, Map.of("cleanup.policy", "compact")));
    }

    private static NewTopic deadLetters(String group, KafkaCluster.Replication replication) {
        return topic(Topics.dlq(group), 1, replication, Map.of(
                "cleanup.policy", "delete",
                "retention.ms", DLQ_RETENTION_MS));
    }

    private static NewTopic topic(String name, int partitions, KafkaCluster.Replication replication,
            Map<String, String> configs) {
        Map<String, String> all = new HashMap<>(configs);
        all.put("min.insync.replicas", Integer.toString(replication.minInSync()));
        return new NewTopic(name, partitions, replication.factor()).configs(all);
    }

    /** Creates the topics that do not exist yet (a restarted stack keeps its topics and their data). */
    public static void ensure(Admin admin, KafkaCluster.Replication replication)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<NewTopic> missing = all(replication).stream()
                .filter(topic -> !existing.contains(topic.name()))
                .collect(Collectors.toList());
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        }
    }
}
