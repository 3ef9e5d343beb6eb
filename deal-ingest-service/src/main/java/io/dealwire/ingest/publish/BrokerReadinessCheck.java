package io.dealwire.ingest.publish;

import io.dealwire.contract.Topics;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.Node;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the broker answers and our producer knows the deal topic's partitions (so a
 * request on the event loop never waits for metadata after the service said it is ready). Our own check rather than {@code quarkus.kafka.health.enabled}:
 * that one waits for the cluster without a bound, so a probe would hang for a minute while the
 * broker is down instead of saying DOWN within {@code dealwire.ingest.health-timeout}.
 */
@Readiness
@ApplicationScoped
public class BrokerReadinessCheck implements HealthCheck {

    private final Admin admin;
    private final Producer<String, byte[]> producer;
    private final Duration timeout;

    BrokerReadinessCheck(@Identifier("default-kafka-broker") Map<String, Object> kafka, PublishConfig config,
            Producer<String, byte[]> producer) {
        this.producer = producer;
        this.timeout = config.healthTimeout();
        Map<String, Object> settings = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                settings.put(key, value);
            }
        });
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "deal-ingest-service-health");
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.admin = Admin.create(settings);
    }

    @Override
    public HealthCheckResponse call() {
        try {
            Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int partitions = producer.partitionsFor(Topics.DEALS).size(); // cached, or fetched within max.block.ms
            return HealthCheckResponse.named("kafka").up().withData("nodes", nodes.size())
                    .withData("partitions", partitions).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResponse.named("kafka").down().withData("reason", "interrupted").build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka").down().withData("reason", "broker not reachable").build();
        }
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
