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
        Map<String, Long> before = new LinkedHashMap<>();
        pids.forEach((name, pid) -> before.put(name, ProcStatus.cpuTicks(pid)));
        long[] machineBefore = ProcStatus.machineTicks();
        long start = System.nanoTime();
        Thread.sleep(window.toMillis());
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] machineAfter = ProcStatus.machineTicks();
        String each = pids.entrySet().stream()
                .map(e -> String.format("%s %.2f", e.getKey(),
                        (ProcStatus.cpuTicks(e.getValue()) - before.get(e.getKey())) / TICKS_PER_SECOND / seconds))
                .collect(Collectors.joining(", "));
        double busy = machineAfter[0] - machineBefore[0];
        double total = machineAfter[1] - machineBefore[1];
        int cores = Runtime.getRuntime().availableProcessors();
        return String.format("CPU over %.0f s (cores): %s; whole machine %.2f of %d busy", seconds, each,
                total > 0 ? busy / total * cores : -1, cores);
    }
}
