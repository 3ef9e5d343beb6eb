package io.dealwire.bench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Sampling CPU profile of a child JVM with JDK Flight Recorder ({@code jcmd <pid> JFR.start}, the
 * "profile" settings: a Java stack sample every 10–20 ms per running thread), summarised as the
 * methods most often on top of the sampled stacks (self time) and most often anywhere in them, in
 * our packages and overall.
 */
public final class Profiler {

    private Profiler() {
    }

    /** Records for {@code length}, then writes {@code <name>.jfr} and {@code <name>.top.txt}; returns the summary file. */
    public static Path record(long pid, Duration length, Path dir, String name) {
        Path jfr = dir.resolve(name + ".jfr");
        Path summary = dir.resolve(name + ".top.txt");
        try {
            Files.createDirectories(dir);
            run(List.of(tool("jcmd"), Long.toString(pid), "JFR.start", "name=bench", "settings=profile",
                    "duration=" + length.toSeconds() + "s", "filename=" + jfr), Duration.ofSeconds(30));
            Thread.sleep(length.toMillis() + 3000);
            Path samples = dir.resolve(name + ".samples.txt");
            run(List.of(tool("jfr"), "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64",
                    jfr.toString()), Duration.ofMinutes(2), samples);
            Files.writeString(summary, summarise(Files.readAllLines(samples)));
            Files.delete(samples);
        } catch (IOException e) {
            System.err.println("no profile of " + pid + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return summary;
    }

    /** Top frames (self) and inclusive counts from {@code jfr print} output. */
    static String summarise(List<String> lines) {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        boolean top = false;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.startsWith("stackTrace = [")) {
                samples++;
                top = true;
                seen.clear();
            } else if (trimmed.contains("line:") && !trimmed.startsWith("sampledThread")) {
                String frame = trimmed.substring(0, trimmed.indexOf("line:")).trim();
                if (top) {
                    self.merge(frame, 1, Integer::sum);
                    top = false;
                }
                if (seen.add(frame)) {
                    inclusive.merge(frame, 1, Integer::sum);
                }
            }
        }
        int total = Math.max(samples, 1);
        return "samples: " + samples + "\n\nself (top of stack):\n" + table(self, total, 30)
                + "\ninclusive, io.dealwire only:\n" + table(filter(inclusive, "io.dealwire"), total, 30)
                + "\ninclusive, all:\n" + table(inclusive, total, 40);
    }

    private static Map<String, Integer> filter(Map<String, Integer> counts, String prefix) {
        return counts.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String table(Map<String, Integer> counts, int total, int limit) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .map(e -> String.format("%5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()))
                .collect(Collectors.joining());
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static void run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        run(command, timeout, null);
    }

    private static void run(List<String> command, Duration timeout, Path output)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(output == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(output.toFile()));
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish");
        }
    }
}
