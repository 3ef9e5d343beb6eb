package io.dealwire.bench.faults;

import io.dealwire.bench.load.DealBodies;
import io.dealwire.bench.stack.Postgres;
import io.dealwire.contract.Topics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Every deal that got a 202 is in the catalog exactly once: one row, revision 1, one revision row
 * (so no event was applied twice after a redelivery), and nothing is in the catalog that was never
 * posted; the catalog's dead-letter topic stays empty (an outage is not poison).
 */
final class CatalogInvariant {

    /** The catalog's view of one load's deals. */
    record Verdict(boolean holds, String detail) {
    }

    /** How long a consumer may take to catch up once the load is over. */
    static final Duration SETTLE = Duration.ofMinutes(3);

    private CatalogInvariant() {
    }

    static Verdict check(Postgres postgres, String database, DealBodies bodies, FaultLoad.Outcomes outcomes,
            Admin admin) throws SQLException, InterruptedException {
        Map<String, int[]> rows = awaitAccepted(postgres, database, bodies, outcomes);
        Set<Long> missing = new TreeSet<>();
        Set<Long> twice = new TreeSet<>();
        for (long index : outcomes.accepted()) {
            int[] row = rows.get(bodies.externalId(index));
            if (row == null) {
                missing.add(index);
            } else if (row[0] != 1 || row[1] != 1) {
                twice.add(index);
            }
        }
        Set<String> unknown = new HashSet<>(rows.keySet());
        for (long i = 0; i < outcomes.posted(); i++) {
            unknown.remove(bodies.externalId(i));
        }
        int notAcceptedButPresent = rows.size() - (outcomes.accepted().size() - missing.size());
        long deadLetters = deadLetters(admin);
        boolean holds = missing.isEmpty() && twice.isEmpty() && unknown.isEmpty() && deadLetters == 0;
        String detail = String.format("%d accepted: %d missing%s, %d applied more than once%s, %d never posted;"
                + " %d posted without a 202 are in the catalog anyway (the 202 was lost or a 503 came after"
                + " the write, allowed: a retry is deduplicated); catalog DLQ %d records",
                outcomes.accepted().size(), missing.size(), sample(missing), twice.size(), sample(twice),
                unknown.size(), notAcceptedButPresent, deadLetters);
        return new Verdict(holds, detail);
    }

    private static String sample(Set<Long> indices) {
        return indices.isEmpty() ? "" : " " + indices.stream().limit(5).toList();
    }

    /** external_id to {revision, revision rows}, once every accepted deal is there or the wait is over. */
    private static Map<String, int[]> awaitAccepted(Postgres postgres, String database, DealBodies bodies,
            FaultLoad.Outcomes outcomes) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            Map<String, int[]> rows = new HashMap<>();
            try (Connection connection = postgres.connect(database);
                    PreparedStatement query = connection.prepareStatement("SELECT d.external_id, d.revision,"
                            + " (SELECT count(*) FROM catalog.deal_revision r WHERE r.deal_id = d.deal_id)"
                            + " FROM catalog.deal d WHERE d.external_id LIKE ?")) {
                query.setString(1, bodies.externalId(0).replaceAll("-0$", "-%"));
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows.put(result.getString(1), new int[] {result.getInt(2), result.getInt(3)});
                    }
                }
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(1000);
                continue;
            }
            boolean all = outcomes.accepted().stream().allMatch(i -> rows.containsKey(bodies.externalId(i)));
            if (all || System.nanoTime() > deadline) {
                return rows;
            }
            Thread.sleep(1000);
        }
    }

    static long deadLetters(Admin admin) {
        TopicPartition partition = new TopicPartition(Topics.dlq(Topics.CATALOG_GROUP), 0);
        try {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get().get(partition).offset();
        } catch (Exception e) {
            return -1;
        }
    }

    static long endOffsetSum(Admin admin, String topic) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        partitions.forEach(p -> specs.put(p, OffsetSpec.latest()));
        return admin.listOffsets(specs).all().get().values().stream().mapToLong(info -> info.offset()).sum();
    }
}
