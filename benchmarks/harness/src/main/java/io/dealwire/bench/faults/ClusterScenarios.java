package io.dealwire.bench.faults;

import io.dealwire.bench.load.DealBodies;
import io.dealwire.bench.stack.BenchStack;
import io.dealwire.bench.stack.JavaProcess;
import io.dealwire.contract.Topics;
import io.dealwire.localstack.KafkaCluster;
import io.dealwire.localstack.Service;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Faults of a three-broker cluster under the usual load (RF 3, {@code min.insync.replicas=2}), with an
 * {@link IsrWatch} running throughout: besides the catalog invariant, no 202 may have been given
 * while its deal's partition had fewer than two replicas in sync.
 */
final class ClusterScenarios {

    static final String DIGEST_DATABASE = "faults_cluster_digest";
    private static final Duration KILLED = Duration.ofSeconds(20);
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration AFTER_RECOVERY = Duration.ofSeconds(15);

    /** One scenario's load, fault and observations. */
    private record Run(DealBodies bodies, long struck, String what, FaultLoad.Outcomes outcomes,
            IsrWatch watch, CatalogInvariant.Verdict catalog, LowIsrTally lowIsr) {

        /** When the 503s were answered, counted from the fault's start. */
        String refusals() {
            LongSummaryStatistics answered = outcomes.answers().stream().filter(answer -> answer.status() == 503)
                    .mapToLong(answer -> answer.answered() - struck).summaryStatistics();
            return answered.getCount() == 0 ? "no 503" : String.format("503s answered from %+.1f s to %+.1f s of"
                    + " the fault", answered.getMin() / 1e9, answered.getMax() / 1e9);
        }
    }

    private final BenchStack stack;
    private final CrashScenarios crashes;
    private final Findings findings;
    private final long seed;
    private long outageFrom;
    private long outageTo;

    /** @param crashes whose ingest (respawned by kill-ingest, if it ran before) takes the load */
    ClusterScenarios(BenchStack stack, CrashScenarios crashes, Findings findings, long seed) {
        this.stack = stack;
        this.crashes = crashes;
        this.findings = findings;
        this.seed = seed;
    }

    void killBrokerOf3() throws Exception {
        String name = "kill -9 leader of the busiest partition (1 of 3 brokers)";
        Run run = run(name, () -> {
            KafkaCluster kafka = stack.kafka();
            Busiest busiest = busiestPartition();
            int victim = IntStream.range(0, kafka.brokers()).filter(i -> kafka.node(i).node().id() == busiest.leader())
                    .findFirst().orElseThrow();
            kafka.kill(victim);
            Thread.sleep(KILLED.toMillis());
            long start = System.nanoTime();
            kafka.restart(victim);
            return "node " + busiest.leader() + " (leader of partition " + busiest.partition() + ", "
                    + busiest.records() + " records; leaders by partition " + busiest.leaders()
                    + ") killed, restarted after " + KILLED.toSeconds() + " s, registered in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms";
        });
        if (run != null) {
            boolean holds = run.catalog().holds() && run.lowIsr().acceptedInside() == 0;
            findings.add(name, run.what(), run.outcomes().describe() + " at " + CrashScenarios.RATE + "/s", holds,
                    run.catalog().detail() + "; " + run.refusals() + "; " + run.watch().describe() + "; "
                            + run.lowIsr().describe("low ISR"));
        }
    }

    void twoBrokersDown() throws Exception {
        String name = "two of 3 brokers stopped 30 s";
        stack.postgres().createDatabase(DIGEST_DATABASE);
        JavaProcess digest = stack.startService(Service.DIGEST, DIGEST_DATABASE, Map.of()).awaitReady();
        try {
            Run run = run(name, () -> {
                KafkaCluster kafka = stack.kafka();
                int kept = new Random(seed * 17 + 3).nextInt(kafka.brokers());
                List<Integer> down = IntStream.range(0, kafka.brokers()).filter(i -> i != kept).boxed().toList();
                long start = System.nanoTime();
                down.forEach(kafka::stop);
                outageFrom = System.nanoTime();
                Thread.sleep(OUTAGE.toMillis());
                outageTo = System.nanoTime();
                for (int node : down) {
                    kafka.restart(node);
                }
                return "nodes " + ids(down) + " stopped (controlled) in " + (outageFrom - start) / 1_000_000
                        + " ms, node " + (kept + 1) + " alone for " + OUTAGE.toSeconds() + " s, both restarted and"
                        + " registered in " + (System.nanoTime() - outageTo) / 1_000_000 + " ms";
            });
            if (run == null) {
                return;
            }
            LowIsrTally outage = LowIsrTally.of(run.outcomes().answers(),
                    answer -> outageFrom <= answer.sent() && answer.answered() <= outageTo);
            CatalogInvariant.Verdict inDigest = DigestDeals.check(stack.postgres(), DIGEST_DATABASE, run.bodies(),
                    run.outcomes(), run.watch().partitions());
            boolean holds = run.catalog().holds() && inDigest.holds() && run.lowIsr().acceptedInside() == 0
                    && outage.acceptedInside() == 0 && outage.refusedInside() > 0;
            findings.add(name, run.what(), run.outcomes().describe() + " at " + CrashScenarios.RATE + "/s", holds,
                    run.catalog().detail() + "; digest: " + inDigest.detail() + "; " + run.refusals() + "; "
                            + run.watch().describe() + "; " + run.lowIsr().describe("low ISR") + "; "
                            + outage.describe("the outage"));
        } finally {
            stack.stop(digest);
        }
    }

    /** The load, with the ISR watched, the fault at a seeded moment, then the catalog invariant. */
    private Run run(String name, CrashScenarios.Fault fault) throws Exception {
        DealBodies bodies = new DealBodies("fault-" + name.replaceAll("[^a-z0-9]+", "") + "-" + seed, "2025-09-17");
        long strikeAfter = 3000 + new Random(seed * 31 + name.hashCode()).nextInt(5000);
        FaultLoad load = new FaultLoad(crashes.ingest.baseUri().resolve("api/v1/deals"), bodies, CrashScenarios.RATE);
        String what;
        long struck;
        FaultLoad.Outcomes outcomes;
        IsrWatch watch = new IsrWatch(stack.bootstrapServers());
        try (watch) {
            load.start();
            Thread.sleep(strikeAfter);
            struck = System.nanoTime();
            try {
                what = fault.inject();
            } catch (Exception e) {
                load.stop();
                findings.add(name, "could not be injected: " + e, "", false, "not checked");
                return null;
            }
            Thread.sleep(AFTER_RECOVERY.toMillis());
            outcomes = load.stop();
        }
        CatalogInvariant.Verdict verdict;
        try (Admin admin = stack.kafka().admin()) {
            verdict = CatalogInvariant.check(stack.postgres(), CrashScenarios.DATABASE, bodies, outcomes, admin);
        }
        return new Run(bodies, struck, "at " + strikeAfter + " ms: " + what, outcomes, watch, verdict,
                LowIsrTally.of(outcomes.answers(), watch, bodies));
    }

    /** The deal topic's partition with the most records (by end offsets), and every partition's leader. */
    private record Busiest(int partition, int leader, long records, Map<Integer, Integer> leaders) {
    }

    private Busiest busiestPartition() throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            List<TopicPartitionInfo> partitions = admin.describeTopics(List.of(Topics.DEALS)).allTopicNames().get()
                    .get(Topics.DEALS).partitions();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(new TopicPartition(Topics.DEALS, p.partition()), OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            Map<Integer, Long> records = new TreeMap<>();
            Map<Integer, Integer> leaders = new TreeMap<>();
            for (TopicPartitionInfo p : partitions) {
                records.put(p.partition(), ends.get(new TopicPartition(Topics.DEALS, p.partition())).offset());
                leaders.put(p.partition(), p.leader() == null ? -1 : p.leader().id());
            }
            int busiest = records.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            return new Busiest(busiest, leaders.get(busiest), records.get(busiest), leaders);
        }
    }

    private static String ids(List<Integer> indices) {
        return indices.stream().map(i -> Integer.toString(i + 1)).reduce((a, b) -> a + " and " + b).orElse("");
    }
}
