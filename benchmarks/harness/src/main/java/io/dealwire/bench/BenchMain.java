package io.dealwire.bench;

import io.dealwire.bench.catalog.CatalogBench;
import io.dealwire.bench.digest.DigestBench;
import io.dealwire.bench.e2e.EndToEndBench;
import io.dealwire.bench.ingest.IngestBench;
import io.dealwire.bench.report.Report;
import io.dealwire.bench.stack.BenchStack;
import io.dealwire.bench.stack.ProcStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code benchmarks/run [--quick] [ingest] [catalog] [e2e] [digest]}: starts its own stack on free
 * ports and prints every figure beside its baseline. Without a part name, all parts run.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> parts = new ArrayList<>(Arrays.asList(args));
        boolean quick = parts.remove("--quick");
        if (parts.isEmpty()) {
            parts = List.of("ingest", "catalog", "e2e", "digest");
        }
        BenchSizes sizes = quick ? BenchSizes.quick() : BenchSizes.full();
        Path home = Path.of(System.getProperty("dealwire.home", ".")).toAbsolutePath().normalize();
        String started = Instant.now().toString();
        Report report = new Report("## Benchmark run " + started + (quick ? " (QUICK sizes: not figures)" : "")
                + "\n\n" + Machine.describe() + "; load average at start: " + ProcStatus.loadAverage());
        Path state = home.resolve("benchmarks/harness/target/bench-state");
        Path log = home.resolve("benchmarks/harness/target/results/bench-" + started.replace(':', '-') + ".log");
        try (BenchStack stack = BenchStack.start(home, state, log).closeOnExit()) {
            for (String part : parts) {
                switch (part) {
                    case "ingest" -> new IngestBench(stack, sizes, report).run();
                    case "catalog" -> new CatalogBench(stack, sizes, report).run();
                    case "e2e" -> new EndToEndBench(stack, sizes, report).run();
                    case "digest" -> new DigestBench(stack, sizes, report).run();
                    default -> throw new IllegalArgumentException("unknown part " + part
                            + " (ingest, catalog, e2e, digest, --quick)");
                }
                report.note("after " + part + ": load average " + ProcStatus.loadAverage());
            }
        } finally {
            Path saved = report.save(home.resolve("benchmarks/harness/target/results"),
                    "bench-" + started.replace(':', '-') + ".md");
            System.out.println();
            System.out.println("saved to " + saved);
        }
    }
}
