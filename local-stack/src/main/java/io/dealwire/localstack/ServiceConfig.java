package io.dealwire.localstack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each service is told at start: only the infrastructure keys, its port and the development
 * keys' hashes (PRODUCT.md, "Configuration names others rely on"); everything else keeps the
 * service's own defaults, exactly as in a real deployment.
 */
public final class ServiceConfig {

    private ServiceConfig() {
    }

    public static Map<String, String> of(Service service, StackPorts ports, String bootstrapServers,
            PostgresChoice postgres, int smtpPort) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.port", Integer.toString(ports.of(service)));
        // a developer's stack listens on loopback only
        config.put("quarkus.http.host", "127.0.0.1");
        config.put("kafka.bootstrap.servers", bootstrapServers);
        config.put("quarkus.banner.enabled", "false");
        switch (service) {
            case INGEST -> config.put("dealwire.partners." + DevKeys.PARTNER_ID + ".api-key-sha256",
                    DevKeys.partnerKeyHash());
            case CATALOG -> database(config, postgres);
            case DIGEST -> {
                database(config, postgres);
                config.put("quarkus.mailer.host", "127.0.0.1");
                config.put("quarkus.mailer.port", Integer.toString(smtpPort));
                // the catcher speaks plain SMTP
                config.put("quarkus.mailer.tls", "false");
                config.put("quarkus.mailer.start-tls", "DISABLED");
                config.put("dealwire.admin.api-key-sha256", DevKeys.adminKeyHash());
                config.put(DevKeys.editorKeyName(), DevKeys.editorKeyHash());
                config.put("dealwire.public-url", "http://127.0.0.1:" + ports.digest());
            }
            default -> throw new IllegalArgumentException(service.name());
        }
        return config;
    }

    private static void database(Map<String, String> config, PostgresChoice postgres) {
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
        config.put("quarkus.datasource.username", postgres.user());
        config.put("quarkus.datasource.password", postgres.password());
    }
}
