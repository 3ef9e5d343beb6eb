package io.dealwire.bench.faults;

import io.dealwire.bench.load.DealBodies;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.common.utils.Utils;

/**
 * A load's answers split by whether a request's whole lifetime [sent, answered] lay inside a time in
 * which its deal could not be stored durably: a 202 there is a violation (an acknowledgement fewer
 * than two replicas hold); 503s there are the ingest doing its job.
 */
record LowIsrTally(int[] inside, int[] outside) {

    /** Counts [202, 503, other] of the answers inside and outside the given time. */
    static LowIsrTally of(List<FaultLoad.Answer> answers, Predicate<FaultLoad.Answer> inside) {
        int[] in = new int[3];
        int[] out = new int[3];
        for (FaultLoad.Answer answer : answers) {
            int[] counts = inside.test(answer) ? in : out;
            counts[answer.status() == 202 ? 0 : answer.status() == 503 ? 1 : 2]++;
        }
        return new LowIsrTally(in, out);
    }

    /** Inside a low-ISR interval that the watch observed on the partition of the request's deal. */
    static LowIsrTally of(List<FaultLoad.Answer> answers, IsrWatch watch, DealBodies bodies) {
        int partitions = watch.partitions();
        return of(answers, answer -> partitions > 0 && watch.lowThroughout(
                partition(bodies, answer.index(), partitions), answer.sent(), answer.answered()));
    }

    /** The producer's partition of a deal: murmur2 of its key (the dealId), as the built-in partitioner. */
    static int partition(DealBodies bodies, long index, int partitions) {
        byte[] key = bodies.dealId(index).toString().getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }

    int acceptedInside() {
        return inside[0];
    }

    int refusedInside() {
        return inside[1];
    }

    String describe(String time) {
        return String.format("inside %s: %d × 202, %d × 503, %d other; outside: %d × 202, %d × 503, %d other",
                time, inside[0], inside[1], inside[2], outside[0], outside[1], outside[2]);
    }
}
