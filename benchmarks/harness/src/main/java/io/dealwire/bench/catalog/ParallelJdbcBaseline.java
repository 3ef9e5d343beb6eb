package io.dealwire.bench.catalog;

import io.dealwire.bench.stack.Postgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The parallel baseline of the catalog, the peer of a catalog that applies a polled batch's partitions
 * side by side: one plain KafkaConsumer (500 records a poll, as the catalog), and each poll's share of
 * every partition written by a thread of its own, on a JDBC connection of its own (one per partition,
 * kept for the whole replay), in a transaction of its own ({@link BaselineRows}). The offsets are
 * committed once every partition's share is committed, as the catalog acknowledges a batch. A poll
 * holding one partition only is written on the polling thread, as the catalog does.
 */
public final class ParallelJdbcBaseline {

    /** The replay's figures; {@code jdbcSeconds} is wall time from handing a poll out to its last commit. */
    public record Run(JdbcUpsertBaseline.Result result, int polls, int sideBySide, int lanes) {
    }

    private ParallelJdbcBaseline() {
    }

    public static Run run(Postgres postgres, String database, String bootstrapServers, String topic, int events)
            throws SQLException, InterruptedException {
        Map<TopicPartition, Connection> connections = new HashMap<>();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool(r -> new Thread(r,
                "jdbc-baseline-lane-" + threads.incrementAndGet()));
        try (KafkaConsumer<String, byte[]> consumer = JdbcUpsertBaseline.consumer(bootstrapServers, topic,
                "bench-jdbc-parallel-")) {
            long start = System.nanoTime();
            long jdbcNanos = 0;
            int applied = 0;
            int polls = 0;
            int sideBySide = 0;
            while (applied < events) {
                ConsumerRecords<String, byte[]> records = JdbcUpsertBaseline.poll(consumer, start, applied, events);
                List<TopicPartition> partitions = List.copyOf(records.partitions());
                for (TopicPartition partition : partitions) {
                    if (!connections.containsKey(partition)) {
                        connections.put(partition, JdbcUpsertBaseline.connect(postgres, database));
                    }
                }
                long jdbcStart = System.nanoTime();
                if (partitions.size() == 1) {
                    BaselineRows.write(connections.get(partitions.get(0)), records);
                } else {
                    sideBySide++;
                    List<Future<Void>> lanes = new ArrayList<>(partitions.size());
                    for (TopicPartition partition : partitions) {
                        Connection connection = connections.get(partition);
                        lanes.add(pool.submit(() -> {
                            BaselineRows.write(connection, records.records(partition));
                            return null;
                        }));
                    }
                    awaitAll(lanes);
                }
                jdbcNanos += System.nanoTime() - jdbcStart;
                consumer.commitSync();
                applied += records.count();
                polls++;
            }
            JdbcUpsertBaseline.Result result = new JdbcUpsertBaseline.Result(applied, (System.nanoTime() - start) / 1e9,
                    jdbcNanos / 1e9);
            return new Run(result, polls, sideBySide, connections.size());
        } finally {
            pool.shutdownNow();
            for (Connection connection : connections.values()) {
                connection.close();
            }
        }
    }

    private static void awaitAll(List<Future<Void>> lanes) throws SQLException, InterruptedException {
        SQLException failure = null;
        for (Future<Void> lane : lanes) {
            try {
                lane.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof SQLException sql ? sql
                            : new SQLException("a lane failed", e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
