package io.dealwire.bench.faults;

import io.dealwire.bench.stack.BenchStack;
import io.dealwire.bench.stack.JavaProcess;
import io.dealwire.bench.stack.ProcStatus;
import io.dealwire.localstack.Service;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code benchmarks/faults [--brokers 1|3] [--seed N] [scenario ...]}: the fault tests, on a stack of
 * their own (free loopback ports, our own embedded PostgreSQL, never the machine's shared one).
 * Scenarios: bad-input, kill-ingest, kill-catalog, kill-broker, pause-broker, kill-postgres, kill-digest
 * (all by default on one broker, in that order); on three brokers ({@code --brokers 3}) kill-broker-of-3
 * and two-brokers-down, the default there and refused on one broker (exit 2). Exits 1 when an
 * invariant does not hold.
 */
public final class FaultsMain {

    static final List<String> ALL = List.of("bad-input", "kill-ingest", "kill-catalog", "kill-broker",
            "pause-broker", "kill-postgres", "kill-digest");
    static final List<String> CLUSTER = List.of("kill-broker-of-3", "two-brokers-down");

    private FaultsMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> scenarios = new ArrayList<>(Arrays.asList(args));
        long seed = System.currentTimeMillis() % 100_000;
        int seedAt = scenarios.indexOf("--seed");
        if (seedAt >= 0) {
            seed = Long.parseLong(scenarios.get(seedAt + 1));
            scenarios.remove(seedAt + 1);
            scenarios.remove(seedAt);
        }
        int brokers = 1;
        int brokersAt = scenarios.indexOf("--brokers");
        if (brokersAt >= 0) {
            brokers = Integer.parseInt(scenarios.get(brokersAt + 1));
            scenarios.remove(brokersAt + 1);
            scenarios.remove(brokersAt);
        }
        if (brokers != 1 && brokers != 3) {
            System.err.println("faults: --brokers is 1 or 3, not " + brokers);
            System.exit(2);
        }
        if (scenarios.isEmpty()) {
            scenarios = brokers == 3 ? CLUSTER : ALL;
        }
        List<String> needCluster = scenarios.stream().filter(CLUSTER::contains).toList();
        if (brokers == 1 && !needCluster.isEmpty()) {
            System.err.println("faults: " + needCluster + " need three brokers: benchmarks/faults --brokers 3 "
                    + String.join(" ", needCluster));
            System.exit(2);
        }
        Path home = Path.of(System.getProperty("dealwire.home", ".")).toAbsolutePath().normalize();
        String started = Instant.now().toString();
        Findings findings = new Findings("## Fault run " + started + ", " + brokers + (brokers == 1 ? " broker"
                : " brokers") + ", seed " + seed + " (repeat with --seed " + seed + "); load average at start: "
                + ProcStatus.loadAverage());
        Path state = home.resolve("benchmarks/harness/target/fault-state");
        Path log = home.resolve("benchmarks/harness/target/results/faults-" + started.replace(':', '-') + ".log");
        try (BenchStack stack = BenchStack.start(home, state, log, brokers).closeOnExit()) {
            stack.postgres().createDatabase(CrashScenarios.DATABASE);
            JavaProcess catalog = stack.startService(Service.CATALOG, CrashScenarios.DATABASE, Map.of());
            JavaProcess ingest = stack.startService(Service.INGEST, null, Map.of());
            catalog.awaitReady();
            ingest.awaitReady();
            CrashScenarios crashes = new CrashScenarios(stack, ingest, catalog, findings, seed);
            ClusterScenarios cluster = new ClusterScenarios(stack, crashes, findings, seed);
            for (String scenario : scenarios) {
                System.out.println("  running " + scenario + " ...");
                switch (scenario) {
                    case "bad-input" -> {
                        try (var admin = stack.kafka().admin()) {
                            new BadInputCampaign(findings).run(crashes.ingest, crashes.catalog, admin, seed);
                        }
                    }
                    case "kill-ingest" -> crashes.killIngest();
                    case "kill-catalog" -> crashes.killCatalog();
                    case "kill-broker" -> crashes.killBroker();
                    case "pause-broker" -> crashes.pauseBroker();
                    case "kill-postgres" -> crashes.killPostgres();
                    case "kill-digest" -> new DigestCrash(stack, findings, seed).run();
                    case "kill-broker-of-3" -> cluster.killBrokerOf3();
                    case "two-brokers-down" -> cluster.twoBrokersDown();
                    default -> throw new IllegalArgumentException("unknown scenario " + scenario + "; known: " + ALL
                            + " and, with --brokers 3, " + CLUSTER);
                }
            }
        } finally {
            Path saved = findings.save(home.resolve("benchmarks/harness/target/results"),
                    "faults-" + started.replace(':', '-') + ".md");
            System.out.println();
            System.out.println(findings.markdown().lines().reduce((a, b) -> b).orElse(""));
            System.out.println("saved to " + saved);
        }
        System.exit(findings.allPassed() ? 0 : 1);
    }
}
