package io.dealwire.bench.catalog;

import io.dealwire.bench.stack.Postgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The sequential baseline of the catalog: the same backlog read by a plain KafkaConsumer, each polled
 * batch parsed and written with plain JDBC batched upserts ({@link BaselineRows}) into the catalog's
 * own schema (its Flyway migrations, run as they are), one transaction per poll, all partitions on one
 * thread and one connection. No framework, no duplicate detection, no dead-lettering. Kept beside
 * {@link ParallelJdbcBaseline} (the peer of a catalog that applies partitions side by side) because
 * the catalog's earlier figures in docs/benchmarks.md are ratios to this one.
 */
public final class JdbcUpsertBaseline {

    /** Events applied per second over the whole replay, and per second of JDBC time alone. */
    public record Result(int events, double seconds, double jdbcSeconds) {

        double perSecond() {
            return events / seconds;
        }

        double jdbcPerSecond() {
            return events / jdbcSeconds;
        }
    }

    private JdbcUpsertBaseline() {
    }

    /** Creates the catalog's schema in {@code database} from the service's migration files. */
    public static void migrate(Postgres postgres, String database, Path home) throws SQLException, IOException {
        Path migrations = home.resolve("deal-catalog-service/src/main/resources/db/migration");
        List<Path> files;
        try (Stream<Path> listing = Files.list(migrations)) {
            files = listing.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
        }
        try (Connection connection = postgres.connect(database); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA catalog");
            statement.execute("SET search_path TO catalog");
            for (Path file : files) {
                statement.execute(Files.readString(file));
            }
        }
    }

    private static int version(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    public static Result run(Postgres postgres, String database, String bootstrapServers, String topic, int events)
            throws SQLException {
        try (Connection connection = connect(postgres, database);
                KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers, topic, "bench-jdbc-baseline-")) {
            long start = System.nanoTime();
            long jdbcNanos = 0;
            int applied = 0;
            while (applied < events) {
                ConsumerRecords<String, byte[]> records = poll(consumer, start, applied, events);
                long jdbcStart = System.nanoTime();
                BaselineRows.write(connection, records);
                jdbcNanos += System.nanoTime() - jdbcStart;
                consumer.commitSync();
                applied += records.count();
            }
            return new Result(applied, (System.nanoTime() - start) / 1e9, jdbcNanos / 1e9);
        }
    }

    /** A connection with the catalog's own driver setting (batched inserts become multi-row INSERTs). */
    static Connection connect(Postgres postgres, String database) throws SQLException {
        Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database) + "?reWriteBatchedInserts=true",
                Postgres.USER, Postgres.PASSWORD);
        connection.setAutoCommit(false);
        return connection;
    }

    /** The next non-empty poll; fails once the replay has taken 30 minutes. */
    static ConsumerRecords<String, byte[]> poll(KafkaConsumer<String, byte[]> consumer, long start, int applied,
            int events) {
        while (true) {
            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofSeconds(1));
            if (!records.isEmpty()) {
                return records;
            }
            if (System.nanoTime() - start > Duration.ofMinutes(30).toNanos()) {
                throw new IllegalStateException("backlog incomplete: " + applied + " of " + events);
            }
        }
    }

    static KafkaConsumer<String, byte[]> consumer(String bootstrapServers, String topic, String groupPrefix) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                // the catalog's setting, so both sides get batches of the same size
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
