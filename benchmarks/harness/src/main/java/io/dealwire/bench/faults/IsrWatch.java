package io.dealwire.bench.faults;

import io.dealwire.contract.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Polls the in-sync replicas of every partition of {@link Topics#DEALS} every {@value #PERIOD_MILLIS} ms
 * on a thread of its own and remembers, per partition, the intervals in which it saw fewer than
 * {@value #MIN_IN_SYNC} replicas in sync: from the first poll that saw it low to the last one, so an
 * interval never extends beyond what was observed. A failed poll is unknown, not low: it ends an
 * interval.
 */
final class IsrWatch implements AutoCloseable {

    static final int MIN_IN_SYNC = 2;
    private static final long PERIOD_MILLIS = 150;

    /** [from, to] in {@link System#nanoTime()}, both observed low. */
    record Interval(long from, long to) {
        boolean contains(long start, long end) {
            return from <= start && end <= to;
        }
    }

    private final Admin admin;
    private final Map<Integer, List<Interval>> low = new HashMap<>();
    private final Map<Integer, long[]> open = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private int polls;
    private int failed;
    private int fewestInSync = Integer.MAX_VALUE;
    private int partitions;

    IsrWatch(String bootstrapServers) {
        // short timeouts: a poll that cannot be answered quickly is unknown, the next one comes soon
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1500,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500));
        this.thread = new Thread(this::watch, "isr-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        while (running) {
            long next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS);
            poll();
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void poll() {
        TopicDescription topic;
        try {
            topic = admin.describeTopics(List.of(Topics.DEALS)).allTopicNames().get(1500, TimeUnit.MILLISECONDS)
                    .get(Topics.DEALS);
        } catch (Exception e) {
            synchronized (this) {
                polls++;
                failed++;
                open.keySet().forEach(this::end);
                open.clear();
            }
            return;
        }
        long now = System.nanoTime();
        synchronized (this) {
            polls++;
            partitions = topic.partitions().size();
            for (TopicPartitionInfo partition : topic.partitions()) {
                int inSync = partition.isr().size();
                fewestInSync = Math.min(fewestInSync, inSync);
                if (inSync < MIN_IN_SYNC) {
                    open.computeIfAbsent(partition.partition(), p -> new long[] {now, now})[1] = now;
                } else if (open.containsKey(partition.partition())) {
                    end(partition.partition());
                    open.remove(partition.partition());
                }
            }
        }
    }

    private void end(int partition) {
        long[] interval = open.get(partition);
        low.computeIfAbsent(partition, p -> new ArrayList<>()).add(new Interval(interval[0], interval[1]));
    }

    /** Stops polling; the intervals still open end at their last low poll. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            open.keySet().forEach(this::end);
            open.clear();
        }
        admin.close();
    }

    /** Whether [start, end] lies inside one interval in which {@code partition} was seen low. */
    synchronized boolean lowThroughout(int partition, long start, long end) {
        return low.getOrDefault(partition, List.of()).stream().anyMatch(i -> i.contains(start, end));
    }

    synchronized int partitions() {
        return partitions;
    }

    /** Polls, failures, the fewest in sync seen and the observed low time of each partition. */
    synchronized String describe() {
        Map<Integer, String> lowSeconds = new TreeMap<>();
        low.forEach((partition, intervals) -> lowSeconds.put(partition, String.format("%.1f s",
                intervals.stream().mapToLong(i -> i.to() - i.from()).sum() / 1e9)));
        return String.format("ISR watch: %d polls (%d failed), fewest in sync %s, low (< %d) per partition %s",
                polls, failed, fewestInSync == Integer.MAX_VALUE ? "?" : Integer.toString(fewestInSync),
                MIN_IN_SYNC, lowSeconds.isEmpty() ? "never" : lowSeconds);
    }
}
