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
 * {@code benchmarks/faults [--seed N] [scenario ...]}: the fault tests, on a stack of their own (free
 * loopback ports, our own embedded PostgreSQL, never the machine's shared one). Scenarios:
 * bad-input, kill-ingest, kill-catalog, kill-broker, pause-broker, kill-postgres, kill-digest (all by
 * default, in that order). Exits 1 when an invariant does not hold.
 */
public final class FaultsMain {

    static final List<String> ALL = List.of("bad-input", "kill-ingest", "kill-catalog", "kill-broker",
            "pause-broker", "kill-postgres", "kill-digest");

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
        if (scenarios.isEmpty()) {
            scenarios = ALL;
        }
        Path home = Path.of(System.getProperty("dealwire.home", ".")).toAbsolutePath().normalize();
        String started = Instant.now().toString();
        Findings findings = new Findings("## Fault run " + started + ", seed " + seed + " (repeat with --seed "
                + seed + "); load average at start: " + ProcStatus.loadAverage());
        Path state = home.resolve("benchmarks/harness/target/fault-state");
        Path log = home.resolve("benchmarks/harness/target/results/faults-" + started.replace(':', '-') + ".log");
        try (BenchStack stack = BenchStack.start(home, state, log).closeOnExit()) {
            stack.postgres().createDatabase(CrashScenarios.DATABASE);
            JavaProcess catalog = stack.startService(Service.CATALOG, CrashScenarios.DATABASE, Map.of());
            JavaProcess ingest = stack.startService(Service.INGEST, null, Map.of());
            catalog.awaitReady();
            ingest.awaitReady();
            CrashScenarios crashes = new CrashScenarios(stack, ingest, catalog, findings, seed);
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
                    default -> throw new IllegalArgumentException("unknown scenario " + scenario + "; known: " + ALL);
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
