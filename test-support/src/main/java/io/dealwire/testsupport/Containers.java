package io.dealwire.testsupport;

import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Testcontainers, for Docker hosts only. Kept in one class so the default path never loads a
 * Testcontainers class.
 */
final class Containers {

    private Containers() {
    }

    record KafkaHandle(KafkaContainer container) implements AutoCloseable {
        String bootstrapServers() {
            return container.getBootstrapServers();
        }

        @Override
        public void close() {
            container.stop();
        }
    }

    record PostgresHandle(PostgreSQLContainer<?> container) implements AutoCloseable {
        String host() {
            return container.getHost();
        }

        int port() {
            return container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
        }

        String user() {
            return container.getUsername();
        }

        String password() {
            return container.getPassword();
        }

        @Override
        public void close() {
            container.stop();
        }
    }

    static KafkaHandle startKafka() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
        kafka.start();
        return new KafkaHandle(kafka);
    }

    static PostgresHandle startPostgres() {
        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:17-alpine")
                .withUsername("postgres")
                .withPassword("postgres");
        postgres.start();
        return new PostgresHandle(postgres);
    }
}
