package io.dealwire.bench.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The ingest's publishing pattern without HTTP: as many threads as the benchmark has clients, each
 * sending one record and waiting for its ack before the next, with the ingest's producer settings
 * (acks=all, idempotent, 5 in flight, linger.ms as given). It separates what the broker round trip
 * costs a request-per-record service from what the HTTP side costs.
 */
public final class SyncProducerBaseline {

    /** Acked records per second and their latency. */
    public record Result(double perSecond, double p50Millis, double p99Millis) {
    }

    private SyncProducerBaseline() {
    }

    public static Result run(String bootstrapServers, String topic, int threads, int recordSize, int lingerMs,
            Duration warmup, Duration measure) throws InterruptedException {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5",
                ProducerConfig.LINGER_MS_CONFIG, Integer.toString(lingerMs),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            window(producer, topic, threads, recordSize, warmup);
            return window(producer, topic, threads, recordSize, measure);
        }
    }

    private static Result window(KafkaProducer<String, byte[]> producer, String topic, int threads, int recordSize,
            Duration length) throws InterruptedException {
        Recorder latency = new Recorder(60_000_000L, 3);
        LongAdder acked = new LongAdder();
        byte[] value = new byte[recordSize];
        long start = System.nanoTime();
        long end = start + length.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread worker = new Thread(() -> {
                for (long i = 0; System.nanoTime() < end; i++) {
                    long sent = System.nanoTime();
                    try {
                        producer.send(new ProducerRecord<>(topic, id + "-" + i, value)).get();
                        latency.recordValue(Math.max((System.nanoTime() - sent) / 1000, 1));
                        acked.increment();
                    } catch (ExecutionException e) {
                        throw new IllegalStateException("not acknowledged", e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "sync-producer-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        var histogram = latency.getIntervalHistogram();
        return new Result(acked.sum() / seconds, histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0);
    }
}
