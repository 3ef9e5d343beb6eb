package io.dealwire.bench.catalog;

import io.dealwire.bench.BenchSizes;
import io.dealwire.bench.Footprint;
import io.dealwire.bench.ingest.IngestBench;
import io.dealwire.bench.load.DealBodies;
import io.dealwire.bench.report.Report;
import io.dealwire.bench.stack.BenchStack;
import io.dealwire.bench.stack.CpuShares;
import io.dealwire.bench.stack.JavaProcess;
import io.dealwire.bench.stack.Profiler;
import io.dealwire.bench.stack.ThreadDump;
import io.dealwire.localstack.Service;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Events applied per second when the catalog replays a backlog: the backlog is produced to a topic of
 * its own first, then a catalog with an empty database and a new consumer group is started on it and
 * the rows are counted until all are there. Compared with the plain JDBC baselines (partitions in
 * parallel, the fair peer of the catalog's partition lanes; and sequential, the one of the earlier
 * figures), with the ingest's maximum when the ingest part ran before in the same run, and with the
 * catalog itself with batching turned off (one event per transaction).
 */
public final class CatalogBench {

    static final String BACKLOG_TOPIC = "bench.catalog-backlog";
    private static final String AREA = "catalog";
    static final Duration UNBATCHED_WINDOW = Duration.ofSeconds(60);
    private static final Duration DUMP_AFTER = Duration.ofSeconds(20);
    private static final Duration PROFILE = Duration.ofSeconds(10);
    private static final Duration SHARES_AFTER = Duration.ofSeconds(5);

    private final BenchStack stack;
    private final BenchSizes sizes;
    private final Report report;

    public CatalogBench(BenchStack stack, BenchSizes sizes, Report report) {
        this.stack = stack;
        this.sizes = sizes;
        this.report = report;
    }

    public void run() throws Exception {
        int events = sizes.catalogEvents();
        stack.createTopic(BACKLOG_TOPIC, 3);
        long produceStart = System.nanoTime();
        Backlog.produce(stack.bootstrapServers(), BACKLOG_TOPIC, new DealBodies("catalog-" + System.currentTimeMillis(),
                "2025-09-10"), events);
        report.note(String.format("catalog: backlog of %d deal.submitted events (one new deal each) produced to %s"
                + " in %.1f s", events, BACKLOG_TOPIC, (System.nanoTime() - produceStart) / 1e9));

        stack.postgres().createDatabase("bench_jdbc");
        JdbcUpsertBaseline.migrate(stack.postgres(), "bench_jdbc", stack.home());
        // the baselines run in the harness process: their share is the harness's
        sharesSoon("JDBC baseline, sequential");
        JdbcUpsertBaseline.Result baseline = JdbcUpsertBaseline.run(stack.postgres(), "bench_jdbc",
                stack.bootstrapServers(), BACKLOG_TOPIC, events);
        report.note(String.format("JDBC baseline, sequential: %d events in %.1f s (%.1f s of it in JDBC)",
                baseline.events(), baseline.seconds(), baseline.jdbcSeconds()));
        // second, as the earlier figures' sequential baseline ran first: the JIT is warm, the stricter peer
        JdbcUpsertBaseline.Result parallel = parallelBaseline(events);

        double batched = replay("bench_catalog_batched", "bench-catalog-batched", Map.of(), null);
        report.add(AREA, "events applied/s (backlog replay)", batched, "/s",
                "plain consumer + JDBC batch upserts, partitions in parallel", parallel.perSecond(), "≥ 0.9× (#33)");
        report.value("ingest", IngestBench.MAX_FIGURE).ifPresentOrElse(max -> report.add(AREA,
                "events applied/s (backlog replay)", batched, "/s", "the ingest's max accepted deals/s, this run", max,
                "≥ 1.00× (#33)"), () -> report.note("catalog: no comparison with the ingest's maximum, the ingest"
                + " did not run before it (benchmarks/run ingest catalog)"));
        report.add(AREA, "events applied/s (backlog replay)", batched, "/s",
                "plain consumer + JDBC batch upserts, sequential", baseline.perSecond(), "≥ 2,500/s");
        report.add(AREA, "events applied/s (backlog replay)", batched, "/s", "sequential JDBC batch upsert time alone",
                baseline.jdbcPerSecond(), "");

        Map<String, String> unbatched = new LinkedHashMap<>();
        // one record per poll, hence one transaction per event (and so one row per statement), and no
        // multi-row rewriting; Hibernate's statement-batch-size is fixed at build time, so it stays 100
        unbatched.put("mp.messaging.incoming.deals.max.poll.records", "1");
        unbatched.put("quarkus.datasource.jdbc.additional-jdbc-properties.reWriteBatchedInserts", "false");
        // an unbatched replay of the whole backlog would take most of an hour: a fixed window is enough
        double single = replay("bench_catalog_unbatched", "bench-catalog-unbatched", unbatched, UNBATCHED_WINDOW);
        report.add(AREA, "events applied/s, batched (as shipped)", batched, "/s", "unbatched (1 event per transaction)",
                single, "");
    }

    /**
     * Starts a catalog on the backlog with an empty database; events per second from the first row to
     * the last, or over {@code window} from the first row when one is given.
     */
    private double replay(String database, String group, Map<String, String> extra, Duration window)
            throws Exception {
        stack.postgres().createDatabase(database);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("mp.messaging.incoming.deals.topic", BACKLOG_TOPIC);
        config.put("mp.messaging.incoming.deals.group.id", group);
        config.putAll(extra);
        JavaProcess catalog = Footprint.ready(stack.startService(Service.CATALOG, database, config), report);
        try {
            int events = sizes.catalogEvents();
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            long firstSeen = 0;
            int firstCount = 0;
            int count = 0;
            boolean dumped = false;
            try (Connection connection = stack.postgres().connect(database)) {
                while (count < events && (window == null || firstSeen == 0
                        || System.nanoTime() - firstSeen < window.toNanos())) {
                    if (!catalog.isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException("the catalog applied " + count + " of " + events
                                + " events: " + catalog.process().diagnostics());
                    }
                    Backlog.sleepPoll();
                    count = count(connection);
                    if (firstSeen == 0 && count > 0) {
                        firstSeen = System.nanoTime();
                        firstCount = count;
                    }
                    if (!dumped && firstSeen > 0 && System.nanoTime() - firstSeen > DUMP_AFTER.toNanos()) {
                        // where the replay spends its time, for docs/benchmarks.md
                        dumped = true;
                        Path results = stack.home().resolve("benchmarks/harness/target/results");
                        String name = group + "-" + System.currentTimeMillis();
                        ThreadDump.save(catalog.pid(), results.resolve(name + ".threads"));
                        Thread profiler = new Thread(() -> {
                            cpuShares(group, Map.of("catalog", catalog.pid()));
                            Profiler.record(catalog.pid(), PROFILE, results, name);
                        });
                        profiler.setDaemon(true);
                        profiler.start();
                    }
                }
            }
            double seconds = (System.nanoTime() - firstSeen) / 1e9;
            double perSecond = (count - firstCount) / seconds;
            report.note(String.format("catalog %s: %d events applied, %.1f s from the first committed batch (%d rows)"
                    + " to the last counted; RSS %d MiB at the end", group, count, seconds, firstCount,
                    catalog.rssKib() / 1024));
            return perSecond;
        } finally {
            stack.stop(catalog);
        }
    }

    /** The backlog replayed by {@link ParallelJdbcBaseline} into a database of its own. */
    private JdbcUpsertBaseline.Result parallelBaseline(int events) throws Exception {
        stack.postgres().createDatabase("bench_jdbc_parallel");
        JdbcUpsertBaseline.migrate(stack.postgres(), "bench_jdbc_parallel", stack.home());
        sharesSoon("JDBC baseline, partitions in parallel");
        ParallelJdbcBaseline.Run run = ParallelJdbcBaseline.run(stack.postgres(), "bench_jdbc_parallel",
                stack.bootstrapServers(), BACKLOG_TOPIC, events);
        JdbcUpsertBaseline.Result result = run.result();
        report.note(String.format("JDBC baseline, partitions in parallel: %d events in %.1f s (%.1f s from handing"
                + " polls out to their last commit); %d polls, %d of them over several partitions written side by"
                + " side; %d connections", result.events(), result.seconds(), result.jdbcSeconds(), run.polls(),
                run.sideBySide(), run.lanes()));
        return result;
    }

    private void sharesSoon(String what) {
        Thread shares = new Thread(() -> cpuShares(what, Map.of()), "cpu-shares");
        shares.setDaemon(true);
        shares.start();
    }

    /** Notes which process used how much CPU over the next 10 s (after a few seconds' settling). */
    private void cpuShares(String what, Map<String, Long> services) {
        try {
            Thread.sleep(SHARES_AFTER.toMillis());
            Map<String, Long> pids = new LinkedHashMap<>(services);
            pids.put("kafka", stack.kafka().node(0).process().pid());
            pids.put("harness", ProcessHandle.current().pid());
            report.note(what + ", " + CpuShares.measure(pids, Map.of("postgres (all backends)",
                    stack.postgres().postmasterPid()), PROFILE));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FROM catalog.deal")) {
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0; // Flyway has not created the table yet
            }
            throw e;
        }
    }
}
