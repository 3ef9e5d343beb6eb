package io.dealwire.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dealwire.contract.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two packaged catalogs in one consumer group on one database, as two pods would run: they share the
 * partitions, one leaves in the middle of the load (a rebalance), and every event is applied exactly
 * once, each deal's revisions in the order they were posted.
 */
class CatalogReplicasTest {

    private static final int DEALS = 40;
    private static final int REVISIONS = 5;

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Http http = new Http();
    private Path dataDir;
    private PostgresChoice postgres;

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        if (postgres != null) {
            postgres.dropDatabase();
            postgres.close();
        }
        Directories.delete(dataDir);
    }

    @Test
    void shouldApplyEveryEventOnceWhileTwoReplicasShareThePartitionsAndOneLeaves() throws Exception {
        Path home = TestHome.path();
        dataDir = Files.createTempDirectory("dealwire-replicas-test-");
        LogSink sink = LogSink.to(System.out);
        String database = "dealwire_replicas_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        postgres = PostgresChoice.choose(dataDir.resolve("postgres"), database, true, false);
        KafkaCluster kafka = start(KafkaCluster.start(home.resolve("local-stack/target/lib"), dataDir.resolve("kafka"),
                List.of(FreePorts.any()), sink));
        ServiceProcess ingest = startService(Service.INGEST, home, kafka, sink);
        ServiceProcess first = startService(Service.CATALOG, home, kafka, sink);
        ServiceProcess second = startService(Service.CATALOG, home, kafka, sink);
        try (Admin admin = kafka.admin()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> membersWithPartitions(admin) == 2);
        }

        for (int revision = 1; revision <= REVISIONS; revision++) {
            for (int deal = 0; deal < DEALS; deal++) {
                Http.Reply posted = PartnerPosts.post(http, ingest, "replica-deal-" + deal, "revision " + revision);
                assertThat(posted.status()).isEqualTo(202);
            }
            if (revision == 2) {
                second.close(); // a pod goes away mid-load: its partitions move to the other replica
            }
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> dealsAt(REVISIONS) == DEALS);
        Map<String, Integer> revisionRows = revisionRowsPerDeal();
        assertThat(revisionRows).as("revision rows per deal: each event applied once").hasSize(DEALS)
                .allSatisfy((deal, rows) -> assertThat(rows).as(deal).isEqualTo(REVISIONS));
        assertThat(lastRevisionsInPostedOrder()).as("the last revision is the last posted").isEqualTo(DEALS);
        assertThat(first.process().isAlive()).isTrue();
    }

    private <T extends AutoCloseable> T start(T closeable) {
        started.add(closeable);
        return closeable;
    }

    private ServiceProcess startService(Service service, Path home, KafkaCluster kafka, LogSink sink) throws Exception {
        StackPorts ports = StackPorts.ephemeral();
        ServiceProcess process = start(ServiceProcess.start(service, home, ports.of(service),
                ServiceConfig.of(service, ports, kafka.bootstrapServers(), postgres, 0), sink));
        process.awaitReady();
        return process;
    }

    private static long membersWithPartitions(Admin admin) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(Topics.CATALOG_GROUP)).all()
                .get(10, TimeUnit.SECONDS).get(Topics.CATALOG_GROUP);
        return group.members().stream().filter(member -> !member.assignment().topicPartitions().isEmpty()).count();
    }


    private long dealsAt(int revision) throws Exception {
        try (Connection connection = connect(); Statement query = connection.createStatement();
                ResultSet result = query.executeQuery("SELECT count(*) FROM catalog.deal WHERE revision = " + revision)) {
            result.next();
            return result.getLong(1);
        }
    }

    private Map<String, Integer> revisionRowsPerDeal() throws Exception {
        Map<String, Integer> rows = new HashMap<>();
        try (Connection connection = connect(); Statement query = connection.createStatement();
                ResultSet result = query.executeQuery("SELECT d.external_id, count(r.*) FROM catalog.deal d"
                        + " JOIN catalog.deal_revision r ON r.deal_id = d.deal_id GROUP BY d.external_id")) {
            while (result.next()) {
                rows.put(result.getString(1), result.getInt(2));
            }
        }
        return rows;
    }

    private long lastRevisionsInPostedOrder() throws Exception {
        try (Connection connection = connect(); Statement query = connection.createStatement();
                ResultSet result = query.executeQuery("SELECT count(*) FROM catalog.deal WHERE headline = 'revision "
                        + REVISIONS + "'")) {
            result.next();
            return result.getLong(1);
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
    }
}
