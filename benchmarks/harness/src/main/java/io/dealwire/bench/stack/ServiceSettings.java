package io.dealwire.bench.stack;

import io.dealwire.localstack.DevKeys;
import io.dealwire.localstack.Service;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a service is told at start: the same keys as the launcher's ServiceConfig (infrastructure,
 * port, the DEVELOPMENT keys' hashes) but with a database of the run's choosing, so each run starts
 * from an empty one, and without a partner rate limit worth hitting: the benchmark measures
 * throughput, not the 429.
 */
public final class ServiceSettings {

    /** High enough that no benchmark or fault run is ever throttled. */
    static final String UNTHROTTLED_REQUESTS_PER_MINUTE = "100000000";

    private ServiceSettings() {
    }

    public static Map<String, String> of(Service service, int port, String bootstrapServers, String jdbcUrl,
            int smtpPort) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.port", Integer.toString(port));
        config.put("quarkus.http.host", "127.0.0.1");
        config.put("kafka.bootstrap.servers", bootstrapServers);
        config.put("quarkus.banner.enabled", "false");
        switch (service) {
            case INGEST -> {
                String partner = "dealwire.partners." + DevKeys.PARTNER_ID;
                config.put(partner + ".api-key-sha256", DevKeys.partnerKeyHash());
                config.put(partner + ".requests-per-minute", UNTHROTTLED_REQUESTS_PER_MINUTE);
            }
            case CATALOG -> database(config, jdbcUrl);
            case DIGEST -> {
                database(config, jdbcUrl);
                config.put("quarkus.mailer.host", "127.0.0.1");
                config.put("quarkus.mailer.port", Integer.toString(smtpPort));
                config.put("quarkus.mailer.tls", "false");
                config.put("quarkus.mailer.start-tls", "DISABLED");
                config.put("dealwire.admin.api-key-sha256", DevKeys.adminKeyHash());
                config.put("dealwire.public-url", "http://127.0.0.1:" + port);
                // a run sends when it says so, never on the weekly schedule
                config.put("dealwire.digest.cron", "off");
            }
            default -> throw new IllegalArgumentException(service.name());
        }
        return config;
    }

    private static void database(Map<String, String> config, String jdbcUrl) {
        config.put("quarkus.datasource.jdbc.url", jdbcUrl);
        config.put("quarkus.datasource.username", Postgres.USER);
        config.put("quarkus.datasource.password", Postgres.PASSWORD);
    }
}
