package io.dealwire.digest.send;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes an issue's summary to {@code dealwire.digests.v1} (key = week) and waits for the broker's ack. */
@ApplicationScoped
public class IssueSummaryPublisher {

    /** Channel of {@code dealwire.digests.v1}, configured in application.properties. */
    public static final String CHANNEL = "digests";

    @Inject
    @Channel(CHANNEL)
    MutinyEmitter<String> emitter;

    @Inject
    ObjectMapper mapper;

    public void publish(IssueSummary summary) {
        String json;
        try {
            json = mapper.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        emitter.sendMessageAndAwait(Message.of(json)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(summary.week()).build()));
    }
}
