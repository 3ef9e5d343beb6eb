package io.dealwire.bench.faults;

import io.dealwire.bench.load.DealBodies;
import io.dealwire.bench.stack.BenchStack;
import io.dealwire.bench.stack.JavaProcess;
import io.dealwire.bench.stack.ProcStatus;
import java.time.Duration;
import java.util.Random;

/**
 * Faults under load, one at a time: deals are posted at a fixed rate, the fault strikes at a random
 * moment (seeded, so a run can be repeated), the victim is brought back, the load goes on a while,
 * then the catalog invariant is checked over every deal of the scenario.
 */
final class CrashScenarios {

    /** Something that goes wrong and is then repaired. */
    @FunctionalInterface
    interface Fault {
        String inject() throws Exception;
    }

    static final String DATABASE = "faults_catalog";
    static final double RATE = 25;
    private static final Duration AFTER_RECOVERY = Duration.ofSeconds(10);
    private static final Duration PAUSE = Duration.ofSeconds(30);

    private final BenchStack stack;
    private final Findings findings;
    private final long seed;
    JavaProcess ingest;
    JavaProcess catalog;

    CrashScenarios(BenchStack stack, JavaProcess ingest, JavaProcess catalog, Findings findings, long seed) {
        this.stack = stack;
        this.ingest = ingest;
        this.catalog = catalog;
        this.findings = findings;
        this.seed = seed;
    }

    void killIngest() throws Exception {
        run("kill -9 ingest", () -> {
            ingest.kill();
            Thread.sleep(2000);
            ingest = stack.respawn(ingest).awaitReady();
            return "killed, restarted after 2 s, ready in " + ingest.readyMillis() + " ms";
        });
    }

    void killCatalog() throws Exception {
        run("kill -9 catalog", () -> {
            catalog.kill();
            Thread.sleep(2000);
            catalog = stack.respawn(catalog).awaitReady();
            return "killed, restarted after 2 s, ready in " + catalog.readyMillis() + " ms";
        });
    }

    void killBroker() throws Exception {
        run("kill -9 Kafka broker", () -> {
            stack.killKafka();
            Thread.sleep(5000);
            long start = System.nanoTime();
            stack.restartKafka();
            return "killed, restarted after 5 s, ready in " + (System.nanoTime() - start) / 1_000_000 + " ms";
        });
    }

    void pauseBroker() throws Exception {
        run("SIGSTOP Kafka broker 30 s", () -> {
            long pid = stack.kafka().node(0).process().pid();
            ProcStatus.signal(pid, "STOP");
            Thread.sleep(PAUSE.toMillis());
            ProcStatus.signal(pid, "CONT");
            return "stopped for " + PAUSE.toSeconds() + " s, then continued";
        });
    }

    void killPostgres() throws Exception {
        run("kill -9 PostgreSQL (embedded, ours)", () -> {
            stack.postgres().kill();
            Thread.sleep(5000);
            stack.postgres().restart();
            return "postmaster killed, restarted after 5 s (crash recovery)";
        });
    }

    private void run(String name, Fault fault) throws Exception {
        DealBodies bodies = new DealBodies("fault-" + name.replaceAll("[^a-z0-9]+", "") + "-" + seed, "2025-09-17");
        FaultLoad load = new FaultLoad(ingest.baseUri().resolve("api/v1/deals"), bodies, RATE);
        // per scenario, so --seed repeats a moment whichever scenarios run before it
        long strikeAfter = 3000 + new Random(seed * 31 + name.hashCode()).nextInt(5000);
        load.start();
        Thread.sleep(strikeAfter);
        String what;
        try {
            what = fault.inject();
        } catch (Exception e) {
            load.stop();
            findings.add(name, "could not be injected: " + e, "", false, "not checked");
            return;
        }
        Thread.sleep(AFTER_RECOVERY.toMillis());
        FaultLoad.Outcomes outcomes = load.stop();
        CatalogInvariant.Verdict verdict;
        try (var admin = stack.kafka().admin()) {
            verdict = CatalogInvariant.check(stack.postgres(), DATABASE, bodies, outcomes, admin);
        }
        findings.add(name, "at " + strikeAfter + " ms: " + what, outcomes.describe() + " at " + RATE + "/s",
                verdict.holds(), verdict.detail());
    }
}
