package io.dealwire.bench.catalog;

import io.dealwire.bench.stack.Postgres;
import io.dealwire.contract.Deal;
import io.dealwire.contract.DealEvent;
import io.dealwire.contract.DealJson;
import io.dealwire.contract.IsoWeek;
import io.dealwire.contract.Party;
import io.dealwire.contract.RareEarthElement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The baseline of the catalog: the same backlog read by a plain KafkaConsumer, each polled batch
 * parsed and written with plain JDBC batched upserts (deal row and revision row, as the catalog
 * writes them) into the catalog's own schema (its Flyway migrations, run as they are), one
 * transaction per poll. No framework, no duplicate detection, no dead-lettering.
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

    private static final String UPSERT_DEAL = """
            INSERT INTO catalog.deal (deal_id, partner_id, external_id, status, revision, last_event_id,
              last_partition, last_offset, reported_on, week, announced_on, headline, summary, deal_type, stage,
              value_amount, value_currency, countries, elements, search_text, deal, first_received_at, updated_at)
            VALUES (?, ?, ?, 'ACTIVE', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
            ON CONFLICT (deal_id) DO UPDATE SET revision = catalog.deal.revision + 1,
              last_event_id = excluded.last_event_id, last_partition = excluded.last_partition,
              last_offset = excluded.last_offset, reported_on = excluded.reported_on, week = excluded.week,
              announced_on = excluded.announced_on, headline = excluded.headline, summary = excluded.summary,
              deal_type = excluded.deal_type, stage = excluded.stage, value_amount = excluded.value_amount,
              value_currency = excluded.value_currency, countries = excluded.countries,
              elements = excluded.elements, search_text = excluded.search_text, deal = excluded.deal,
              updated_at = excluded.updated_at""";
    private static final String INSERT_REVISION = """
            INSERT INTO catalog.deal_revision (id, deal_id, revision, event_id, type, occurred_at, received_at,
              source_partition, source_offset, deal)
            VALUES (nextval('catalog.deal_revision_seq'), ?, 1, ?, ?, ?, ?, ?, ?, ?::jsonb)""";

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
        // the catalog's own driver setting: batched inserts become multi-row INSERTs
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database)
                + "?reWriteBatchedInserts=true", Postgres.USER, Postgres.PASSWORD);
                KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers, topic)) {
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            long jdbcNanos = 0;
            int applied = 0;
            while (applied < events) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofSeconds(1));
                if (records.isEmpty()) {
                    if (System.nanoTime() - start > Duration.ofMinutes(30).toNanos()) {
                        throw new IllegalStateException("backlog incomplete: " + applied + " of " + events);
                    }
                    continue;
                }
                Instant received = Instant.now();
                long jdbcStart = System.nanoTime();
                try (PreparedStatement deals = connection.prepareStatement(UPSERT_DEAL);
                        PreparedStatement revisions = connection.prepareStatement(INSERT_REVISION)) {
                    for (ConsumerRecord<String, byte[]> record : records) {
                        DealEvent event = DealJson.readEvent(record.value());
                        String dealJson = DealJson.write(event.deal());
                        bindDeal(deals, event, dealJson, record, received);
                        deals.addBatch();
                        bindRevision(revisions, event, dealJson, record, received);
                        revisions.addBatch();
                    }
                    deals.executeBatch();
                    revisions.executeBatch();
                    connection.commit();
                }
                jdbcNanos += System.nanoTime() - jdbcStart;
                consumer.commitSync();
                applied += records.count();
            }
            return new Result(applied, (System.nanoTime() - start) / 1e9, jdbcNanos / 1e9);
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers, String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-jdbc-baseline-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                // the catalog's setting, so both sides get batches of the same size
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static void bindDeal(PreparedStatement statement, DealEvent event, String dealJson,
            ConsumerRecord<String, byte[]> record, Instant received) throws SQLException {
        Deal deal = event.deal();
        int i = 1;
        statement.setObject(i++, event.dealId());
        statement.setString(i++, event.partnerId());
        statement.setString(i++, event.externalId());
        statement.setObject(i++, event.eventId());
        statement.setInt(i++, record.partition());
        statement.setLong(i++, record.offset());
        statement.setObject(i++, deal.reportedOn());
        statement.setString(i++, IsoWeek.of(deal.reportedOn()).toString());
        statement.setObject(i++, deal.announcedOn());
        statement.setString(i++, deal.headline());
        statement.setString(i++, deal.summary());
        statement.setString(i++, deal.dealType().name());
        statement.setString(i++, deal.stage().name());
        if (deal.value() == null) {
            statement.setNull(i++, Types.NUMERIC);
            statement.setNull(i++, Types.VARCHAR);
        } else {
            statement.setBigDecimal(i++, deal.value().amount());
            statement.setString(i++, deal.value().currency());
        }
        statement.setArray(i++, statement.getConnection().createArrayOf("text", deal.countries().toArray()));
        List<String> elements = deal.elements() == null ? List.of()
                : deal.elements().stream().map(RareEarthElement::symbol).toList();
        statement.setArray(i++, statement.getConnection().createArrayOf("text", elements.toArray()));
        statement.setString(i++, Stream.concat(deal.parties().stream().map(Party::name),
                deal.products() == null ? Stream.empty() : deal.products().stream()).collect(Collectors.joining("\n")));
        statement.setString(i++, dealJson);
        statement.setTimestamp(i++, Timestamp.from(received));
        statement.setTimestamp(i, Timestamp.from(received));
    }

    private static void bindRevision(PreparedStatement statement, DealEvent event, String dealJson,
            ConsumerRecord<String, byte[]> record, Instant received) throws SQLException {
        int i = 1;
        statement.setObject(i++, event.dealId());
        statement.setObject(i++, event.eventId());
        statement.setString(i++, event.type().json());
        statement.setTimestamp(i++, Timestamp.from(event.occurredAt()));
        statement.setTimestamp(i++, Timestamp.from(received));
        statement.setInt(i++, record.partition());
        statement.setLong(i++, record.offset());
        statement.setString(i, dealJson);
    }
}
