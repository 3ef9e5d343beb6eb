package io.dealwire.bench.stack;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Which process used how much of the machine's CPU over a window (from /proc, in cores). */
public final class CpuShares {

    private static final double TICKS_PER_SECOND = 100.0;

    private CpuShares() {
    }

    /** Blocks for {@code window}; returns e.g. "CPU over 10 s (cores): ingest 0.61, kafka 0.42, …, machine 1.98 of 2". */
    public static String measure(Map<String, Long> pids, Duration window) throws InterruptedException {
        return measure(pids, Map.of(), window);
    }

    /**
     * The same, where each of {@code trees} counts with all its descendants (PostgreSQL: the
     * postmaster and its backends, which do the database's work).
     */
    public static String measure(Map<String, Long> pids, Map<String, Long> trees, Duration window)
            throws InterruptedException {
        Snapshot before = Snapshot.take(pids, trees);
        long[] machineBefore = ProcStatus.machineTicks();
        long start = System.nanoTime();
        Thread.sleep(window.toMillis());
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] machineAfter = ProcStatus.machineTicks();
        Snapshot after = Snapshot.take(pids, trees);
        String each = after.ticks().entrySet().stream()
                .map(e -> String.format("%s %.2f", e.getKey(),
                        delta(before.ticks().get(e.getKey()), e.getValue()) / TICKS_PER_SECOND / seconds))
                .collect(Collectors.joining(", "));
        double busy = machineAfter[0] - machineBefore[0];
        double total = machineAfter[1] - machineBefore[1];
        int cores = Runtime.getRuntime().availableProcessors();
        return String.format("CPU over %.0f s (cores): %s; whole machine %.2f of %d busy", seconds, each,
                total > 0 ? busy / total * cores : -1, cores);
    }

    /** CPU ticks of named processes (a tree: with its descendants) at one moment. */
    public record Snapshot(Map<String, Map<Long, Long>> ticks) {

        public static Snapshot take(Map<String, Long> pids, Map<String, Long> trees) {
            Map<String, Map<Long, Long>> ticks = new LinkedHashMap<>();
            pids.forEach((name, pid) -> ticks.put(name, Map.of(pid, ProcStatus.cpuTicks(pid))));
            trees.forEach((name, root) -> ticks.put(name, treeTicks(root)));
            return new Snapshot(ticks);
        }

        /** E.g. "CPU per mail (ms): digest 2.10, smtp-sink 0.12": each process's CPU since this, per unit of work. */
        public String perUnitSince(Snapshot earlier, long units, String unit) {
            return "CPU per " + unit + " (ms): " + ticks.entrySet().stream()
                    .map(e -> String.format("%s %.2f", e.getKey(),
                            delta(earlier.ticks().get(e.getKey()), e.getValue()) * 1000 / TICKS_PER_SECOND / units))
                    .collect(Collectors.joining(", "));
        }
    }

    private static Map<Long, Long> treeTicks(long root) {
        Map<Long, Long> ticks = new LinkedHashMap<>();
        ticks.put(root, ProcStatus.cpuTicks(root));
        ProcessHandle.of(root).ifPresent(handle -> handle.descendants()
                .forEach(child -> ticks.put(child.pid(), ProcStatus.cpuTicks(child.pid()))));
        return ticks;
    }

    /** Ticks used between the two readings; a process started in between counts from zero. */
    private static long delta(Map<Long, Long> before, Map<Long, Long> after) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            if (e.getValue() >= 0) {
                sum += e.getValue() - Math.max(0, before.getOrDefault(e.getKey(), 0L));
            }
        }
        return sum;
    }
}
