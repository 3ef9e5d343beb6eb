package io.dealwire.ingest.outage;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the app at a {@link StoppableBroker} rather than the shared one (stopping that would break
 * every other test), with a short publish bound so the outage test stays quick.
 */
public class StoppableBrokerResource implements QuarkusTestResourceLifecycleManager {

    static final String PUBLISH_TIMEOUT_SECONDS = "2";
    static final String RETRY_AFTER_SECONDS = "3";

    private StoppableBroker broker;

    @Override
    public Map<String, String> start() {
        broker = new StoppableBroker();
        broker.start();
        return Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "dealwire.ingest.publish-timeout", PUBLISH_TIMEOUT_SECONDS + "s",
                "dealwire.ingest.retry-after", RETRY_AFTER_SECONDS + "s",
                "dealwire.ingest.health-timeout", "1s");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(broker,
                new TestInjector.AnnotatedAndMatchesType(InjectStoppableBroker.class, StoppableBroker.class));
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.delete();
        }
    }
}
