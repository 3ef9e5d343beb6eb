package io.dealwire.bench.ingest;

import io.dealwire.localstack.LogSink;
import io.dealwire.localstack.ManagedProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own producer benchmark ({@code org.apache.kafka.tools.ProducerPerformance} from kafka-tools)
 * in a child JVM against the same broker: as many records as it can, acks=all, idempotent, the
 * given record size. Its figures are parsed from its summary line.
 */
public final class ProducerPerf {

    /** The summary line, e.g. "200000 records sent, 41000.1 records/sec (48.13 MB/sec), 120.5 ms avg latency, ...". */
    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, "
                    + "([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th");

    /** What the tool reported. */
    public record Result(long records, double perSecond, double mbPerSecond, double avgMillis, double p50Millis,
            double p99Millis, double p999Millis) {
    }

    private ProducerPerf() {
    }

    public static Result run(Path libDir, String bootstrapServers, String topic, long records, int recordSize,
            Path workDir, LogSink sink) throws IOException, InterruptedException {
        List<String> command = List.of(ManagedProcess.java(), "-Xmx512m",
                "-cp", libDir.resolve("*").toString(),
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic,
                "--num-records", Long.toString(records),
                "--record-size", Integer.toString(recordSize),
                "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all", "enable.idempotence=true");
        ManagedProcess perf = ManagedProcess.start("perf", command, workDir, sink);
        int exit = perf.awaitExit(Duration.ofMinutes(10));
        if (exit != 0) {
            throw new IllegalStateException("ProducerPerformance failed: " + perf.diagnostics());
        }
        for (String line : perf.tail()) {
            Matcher matcher = SUMMARY.matcher(line);
            if (matcher.find() && Long.parseLong(matcher.group(1)) == records) {
                return new Result(records, Double.parseDouble(matcher.group(2)), Double.parseDouble(matcher.group(3)),
                        Double.parseDouble(matcher.group(4)), Double.parseDouble(matcher.group(6)),
                        Double.parseDouble(matcher.group(8)), Double.parseDouble(matcher.group(9)));
            }
        }
        throw new IllegalStateException("no summary line from ProducerPerformance: " + perf.diagnostics());
    }
}
