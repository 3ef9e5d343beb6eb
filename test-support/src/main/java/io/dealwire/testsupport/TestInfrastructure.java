package io.dealwire.testsupport;

/**
 * Which infrastructure the tests run on. The default needs nothing but a JDK: an embedded Kafka
 * broker, the local PostgreSQL (or an embedded one) and GreenMail. On a Docker host,
 * {@code -Ddealwire.test.containers=true} (or {@code DEALWIRE_TEST_CONTAINERS=true}) switches
 * Kafka and PostgreSQL to Testcontainers; that path is not exercised on the CI machine.
 */
public final class TestInfrastructure {

    private TestInfrastructure() {
    }

    public static boolean useContainers() {
        return flag("dealwire.test.containers");
    }

    /** Forces the embedded PostgreSQL even when a local server answers (to test the fallback). */
    public static boolean forceEmbeddedPostgres() {
        return flag("dealwire.test.embedded-postgres");
    }

    static boolean flag(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        return Boolean.parseBoolean(value);
    }
}
