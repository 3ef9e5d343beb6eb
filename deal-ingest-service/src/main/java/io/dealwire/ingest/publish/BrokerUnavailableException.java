package io.dealwire.ingest.publish;

import io.dealwire.problem.Problem;
import io.dealwire.problem.ProblemException;
import java.time.Duration;

/** The broker did not acknowledge in time: 503 with Retry-After; retrying the same request is safe. */
public class BrokerUnavailableException extends ProblemException {

    public BrokerUnavailableException(Duration retryAfter) {
        super(Problem.of(503, "the event could not be stored durably in time; retry the same request later"));
        withHeader("Retry-After", Math.max(1, retryAfter.toSeconds()));
    }
}
