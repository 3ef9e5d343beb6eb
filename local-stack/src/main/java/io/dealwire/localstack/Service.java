package io.dealwire.localstack;

import java.nio.file.Path;

/** The three Deal Wire services, as packaged by {@code ./mvnw package}. */
public enum Service {

    INGEST("ingest", "deal-ingest-service", 8081),
    CATALOG("catalog", "deal-catalog-service", 8082),
    DIGEST("digest", "digest-service", 8083);

    private final String shortName;
    private final String module;
    private final int defaultPort;

    Service(String shortName, String module, int defaultPort) {
        this.shortName = shortName;
        this.module = module;
        this.defaultPort = defaultPort;
    }

    public String shortName() {
        return shortName;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public Path runJar(Path home) {
        return home.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
