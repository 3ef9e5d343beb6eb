package io.dealwire.catalog.consume;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Runs the partitions of a polled batch side by side, each on a thread of its own (and so in a
 * transaction and on a database connection of its own), each partition's records in offset order;
 * returns once every lane is done. The batch is acknowledged only then, as before: a lane that failed
 * or was interrupted leaves the whole batch unacknowledged, and what the other lanes applied is
 * recognised as applied (by partition and offset) when it comes again.
 */
@ApplicationScoped
public class PartitionLanes {

    /** One partition's share of a batch. */
    @FunctionalInterface
    public interface Lane<V> {
        void process(List<ConsumerRecord<String, V>> records) throws InterruptedException;
    }

    private final AtomicInteger threads = new AtomicInteger();
    private final AtomicLong sideBySide = new AtomicLong();
    private final ExecutorService pool = Executors.newCachedThreadPool(
            r -> new Thread(r, "catalog-lane-" + threads.incrementAndGet()));

    public <V> void eachPartition(ConsumerRecords<String, V> records, Lane<V> lane) throws InterruptedException {
        List<TopicPartition> partitions = List.copyOf(records.partitions());
        if (partitions.size() == 1) {
            lane.process(records.records(partitions.get(0))); // no hand-over for a single partition
            return;
        }
        sideBySide.incrementAndGet();
        List<Future<Void>> running = new ArrayList<>(partitions.size());
        CountDownLatch ended = new CountDownLatch(partitions.size());
        for (TopicPartition partition : partitions) {
            running.add(pool.submit(() -> {
                try {
                    lane.process(records.records(partition));
                    return null;
                } finally {
                    ended.countDown();
                }
            }));
        }
        awaitAll(running, ended);
    }

    /** Every lane ends before this returns, also on a failure or an interrupt: none writes after the nack. */
    private static void awaitAll(List<Future<Void>> running, CountDownLatch ended) throws InterruptedException {
        Throwable failure = null;
        for (Future<Void> lane : running) {
            try {
                lane.get();
            } catch (InterruptedException e) {
                // the app is stopping: interrupt the lanes' back-offs too, and let them end
                running.forEach(other -> other.cancel(true));
                awaitEnd(ended);
                throw e;
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            }
        }
        if (failure instanceof InterruptedException interrupted) {
            throw interrupted;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /** Bounded: a lane cancelled before it began never counts down. */
    private static void awaitEnd(CountDownLatch ended) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ended.getCount() > 0 && System.nanoTime() < deadline) {
            try {
                ended.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException again) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Batches whose partitions were applied side by side so far. */
    public long batchesSideBySide() {
        return sideBySide.get();
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
