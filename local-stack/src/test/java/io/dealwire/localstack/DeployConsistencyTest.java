package io.dealwire.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealwire.contract.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/**
 * deploy/ cannot run here (no Docker, no cluster), so its files are checked against what does run:
 * the services' application.properties, the contract's topic names, the local stack's topic settings
 * and development keys. Every YAML file under deploy/ and docs/ must parse.
 */
class DeployConsistencyTest {

    private static final String COMPOSE = "deploy/compose/compose.yaml";
    private static final Pattern PARTNER_KEY = Pattern.compile("dealwire\\.partners\\.[a-z0-9-]+\\.api-key-sha256");
    private static final String ADMIN_KEY = "dealwire.admin.api-key-sha256";
    /** An editor's name as the digest accepts it (access/AccessKeys). */
    private static final Pattern EDITOR_KEY = Pattern.compile(
            "dealwire\\.editors\\.[A-Za-z0-9][A-Za-z0-9._-]*\\.api-key-sha256");

    private final DeployFiles files = new DeployFiles(TestHome.path());

    @Test
    void shouldParseEveryYamlFile() throws IOException {
        List<Path> yamlFiles = files.yamlFiles();

        assertThat(yamlFiles).hasSizeGreaterThanOrEqualTo(10);
        for (Path file : yamlFiles) {
            assertThat(DeployFiles.documents(file)).as("%s", file).isNotEmpty();
        }
    }

    @Test
    void shouldRunEachComposeServiceOnItsConfiguredPortWithAHealthCheck() throws IOException {
        JsonNode services = files.single(COMPOSE).path("services");
        for (Service service : Service.values()) {
            JsonNode compose = services.path(service.module());
            String port = port(service);
            assertThat(compose.isMissingNode()).as("%s in compose", service.module()).isFalse();
            assertThat(compose.path("ports").get(0).asText()).isEqualTo(port + ":" + port);
            assertThat(compose.path("environment").path("QUARKUS_HTTP_PORT").asText()).isEqualTo(port);
            assertThat(compose.path("healthcheck").path("test").toString())
                    .contains("localhost:" + port + "/q/health/ready");
            assertThat(compose.path("build").path("args").path("SERVICE").asText()).isEqualTo(service.module());
            Path context = files.path("deploy/compose").resolve(compose.path("build").path("context").asText());
            assertThat(context.resolve(compose.path("build").path("dockerfile").asText()).normalize()).isRegularFile();
        }
    }

    @Test
    void shouldGiveComposeServicesOnlyConfigNamesTheyKnow() throws IOException {
        JsonNode services = files.single(COMPOSE).path("services");
        for (Service service : Service.values()) {
            Set<String> known = files.knownConfigNames(service);
            services.path(service.module()).path("environment").fieldNames().forEachRemaining(env ->
                    assertThat(DeployFiles.isKnownEnv(env, known)).as("%s of %s", env, service.module()).isTrue());
        }
        assertKeyFile(Service.INGEST, DeployFiles.properties(files.path("deploy/compose/config/deal-ingest-service.properties")));
        assertKeyFile(Service.DIGEST, DeployFiles.properties(files.path("deploy/compose/config/digest-service.properties")));
    }

    @Test
    void shouldPointComposeServicesAtTheInfrastructureComposeRuns() throws IOException {
        JsonNode services = files.single(COMPOSE).path("services");
        Set<String> advertised = new HashSet<>();
        services.forEach(node -> advertised.addAll(List.of(node.path("environment")
                .path("KAFKA_ADVERTISED_LISTENERS").asText().split(","))));
        String postgresDb = services.path("postgres").path("environment").path("POSTGRES_DB").asText();
        for (Service service : Service.values()) {
            JsonNode env = services.path(service.module()).path("environment");
            assertThat(bootstrap(env.path("KAFKA_BOOTSTRAP_SERVERS"))).as(service.module())
                    .hasSize(composeBrokers()).allSatisfy(server -> assertThat(advertised).contains("INTERNAL://" + server));
            if (service != Service.INGEST) {
                assertThat(env.path("QUARKUS_DATASOURCE_JDBC_URL").asText())
                        .isEqualTo("jdbc:postgresql://postgres:5432/" + postgresDb);
                assertThat(env.path("QUARKUS_DATASOURCE_PASSWORD").asText())
                        .isEqualTo(services.path("postgres").path("environment").path("POSTGRES_PASSWORD").asText());
            }
        }
        assertThat(services.has(services.path("digest-service").path("environment").path("QUARKUS_MAILER_HOST").asText()))
                .as("the digest mails the compose SMTP catcher").isTrue();
        assertThat(bootstrap(services.path("kafka-ui").path("environment").path("KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS")))
                .allSatisfy(server -> assertThat(advertised).contains("INTERNAL://" + server));
    }

    private static List<String> bootstrap(JsonNode servers) {
        return List.of(servers.asText().split(","));
    }

    @Test
    void shouldDeclareEveryTopicWithTheLocalStackSettings() throws IOException {
        Map<String, JsonNode> kafkaTopics = new HashMap<>();
        files.ofKind("deploy/k8s/kafka/topics.yaml", "KafkaTopic")
                .forEach(topic -> kafkaTopics.put(topic.path("metadata").path("name").asText(), topic));
        String composeInit = files.single(COMPOSE).path("services").path("kafka-init").path("command").get(0).asText();

        assertThat(kafkaTopics.keySet()).containsExactlyInAnyOrderElementsOf(topicNames());
        // Strimzi's cluster has three brokers: the same settings as ./dealwire up --brokers 3
        for (NewTopic topic : LocalTopics.all(KafkaCluster.Replication.of(3))) {
            JsonNode spec = kafkaTopics.get(topic.name()).path("spec");
            assertThat(spec.path("partitions").asInt()).as(topic.name()).isEqualTo(topic.numPartitions());
            assertThat(spec.path("replicas").asInt()).as(topic.name()).isEqualTo(topic.replicationFactor());
            topic.configs().forEach((key, value) ->
                    assertThat(spec.path("config").path(key).asText()).as("%s %s", topic.name(), key).isEqualTo(value));
        }
        for (NewTopic topic : LocalTopics.all(KafkaCluster.Replication.of(composeBrokers()))) {
            String create = composeInit.lines().filter(line -> line.contains("--topic " + topic.name() + " "))
                    .findFirst().orElseThrow(() -> new AssertionError(topic.name() + " not created in compose"));
            assertThat(create).contains("--partitions " + topic.numPartitions())
                    .contains("--replication-factor " + topic.replicationFactor());
            topic.configs().forEach((key, value) -> assertThat(create).contains("--config " + key + "=" + value));
        }
    }

    /** The Kafka nodes compose runs: its services with a KAFKA_NODE_ID. */
    private int composeBrokers() throws IOException {
        int brokers = 0;
        for (JsonNode service : files.single(COMPOSE).path("services")) {
            if (service.path("environment").has("KAFKA_NODE_ID")) {
                brokers++;
            }
        }
        return brokers;
    }

    @Test
    void shouldDeployEachServiceInKubernetesOnItsPortWithProbesAndKnownConfig() throws IOException {
        Map<String, Set<String>> configKeys = configMapAndSecretKeys();
        for (Service service : Service.values()) {
            String manifest = "deploy/k8s/services/" + service.module() + ".yaml";
            JsonNode deployment = files.ofKind(manifest, "Deployment").get(0);
            JsonNode k8sService = files.ofKind(manifest, "Service").get(0);
            JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
            int port = Integer.parseInt(port(service));
            Set<String> known = files.knownConfigNames(service);

            assertThat(deployment.path("metadata").path("name").asText()).isEqualTo(service.module());
            assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(port);
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
            assertThat(k8sService.path("spec").path("ports").get(0).path("port").asInt()).isEqualTo(port);
            assertThat(k8sService.path("spec").path("selector"))
                    .isEqualTo(deployment.path("spec").path("template").path("metadata").path("labels"));
            for (JsonNode env : container.path("env")) {
                assertThat(DeployFiles.isKnownEnv(env.path("name").asText(), known))
                        .as("%s of %s", env.path("name").asText(), service.module()).isTrue();
            }
            for (JsonNode source : container.path("envFrom")) {
                String name = source.has("configMapRef") ? source.path("configMapRef").path("name").asText()
                        : source.path("secretRef").path("name").asText();
                assertThat(configKeys).as("%s used by %s", name, service.module()).containsKey(name);
                configKeys.get(name).forEach(key -> assertThat(DeployFiles.isKnownEnv(key, known))
                        .as("%s from %s given to %s", key, name, service.module()).isTrue());
            }
            for (JsonNode volume : deployment.path("spec").path("template").path("spec").path("volumes")) {
                assertKeyFile(service, secretProperties(volume.path("secret").path("secretName").asText()));
            }
        }
    }

    @Test
    void shouldListEveryManifestInTheKustomization() throws IOException {
        Path k8s = files.path("deploy/k8s");
        Set<String> manifests = new TreeSet<>();
        try (var paths = Files.walk(k8s)) {
            paths.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("kustomization.yaml"))
                    .forEach(p -> manifests.add(k8s.relativize(p).toString()));
        }
        List<String> resources = new ArrayList<>();
        files.single("deploy/k8s/kustomization.yaml").path("resources").forEach(r -> resources.add(r.asText()));

        assertThat(resources).containsExactlyInAnyOrderElementsOf(manifests);
    }

    @Test
    void shouldShipTheLocalStackDevelopmentKeyHashesInCompose() throws IOException {
        Properties ingest = DeployFiles.properties(files.path("deploy/compose/config/deal-ingest-service.properties"));
        Properties digest = DeployFiles.properties(files.path("deploy/compose/config/digest-service.properties"));

        assertThat(ingest.getProperty("dealwire.partners." + DevKeys.PARTNER_ID + ".api-key-sha256"))
                .isEqualTo(DevKeys.partnerKeyHash());
        assertThat(digest.getProperty(ADMIN_KEY)).isEqualTo(DevKeys.adminKeyHash());
        assertThat(digest.getProperty(DevKeys.editorKeyName())).isEqualTo(DevKeys.editorKeyHash());
    }

    @Test
    void shouldGiveQuarkusDevTheLocalStackDevelopmentKeys() throws IOException {
        // one set of development keys: quarkus:dev takes the same keys the banner prints and the docs use
        Properties ingest = DeployFiles.properties(files.path(Service.INGEST.module()
                + "/src/main/resources/application.properties"));
        Properties digest = DeployFiles.properties(files.path(Service.DIGEST.module()
                + "/src/main/resources/application.properties"));

        assertThat(ingest.stringPropertyNames()).filteredOn(key -> key.startsWith("%dev.dealwire.partners."))
                .containsExactly("%dev.dealwire.partners." + DevKeys.PARTNER_ID + ".api-key-sha256");
        assertThat(ingest.getProperty("%dev.dealwire.partners." + DevKeys.PARTNER_ID + ".api-key-sha256"))
                .isEqualTo(DevKeys.partnerKeyHash());
        assertThat(digest.getProperty("%dev." + ADMIN_KEY)).isEqualTo(DevKeys.adminKeyHash());
        assertThat(digest.getProperty("%dev." + DevKeys.editorKeyName())).isEqualTo(DevKeys.editorKeyHash());
    }

    @Test
    void shouldDescribeEveryTopicInTheAsyncApiDocument() throws IOException {
        JsonNode asyncApi = files.single("docs/asyncapi.yaml");
        List<String> addresses = new ArrayList<>();
        asyncApi.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));

        assertThat(asyncApi.path("asyncapi").asText()).startsWith("3.");
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(topicNames());
        Map<String, Integer> partitions = new HashMap<>();
        LocalTopics.all(KafkaCluster.Replication.of(3)).forEach(topic -> partitions.put(topic.name(), topic.numPartitions()));
        asyncApi.path("channels").forEach(channel -> {
            JsonNode kafka = channel.path("bindings").path("kafka");
            String topic = channel.path("address").asText();
            assertThat(kafka.path("partitions").asInt()).as(topic).isEqualTo(partitions.get(topic));
            assertThat(kafka.path("replicas").asInt()).as(topic).isEqualTo(KafkaCluster.Replication.of(3).factor());
        });
        List<String> refs = asyncApi.findValuesAsText("$ref").stream().filter(ref -> ref.contains(".json")).toList();
        assertThat(refs).isNotEmpty();
        refs.forEach(ref -> assertThat(files.path("docs").resolve(ref.replaceAll("#.*", "")).normalize())
                .as(ref).isRegularFile());
    }

    private static List<String> topicNames() {
        return List.of(Topics.DEALS, Topics.dlq(Topics.CATALOG_GROUP), Topics.dlq(Topics.DIGEST_GROUP), Topics.DIGESTS);
    }

    private String port(Service service) throws IOException {
        String port = files.appProperties(service).getProperty("quarkus.http.port");
        assertThat(port).as("quarkus.http.port of %s", service.module()).isEqualTo(Integer.toString(service.defaultPort()));
        return port;
    }

    /**
     * A mounted key file holds only the key hashes the service reads, and nothing else: the ingest's
     * partner keys; the digest's admin key and at least one editor's key (the desk needs one).
     */
    private static void assertKeyFile(Service service, Properties keys) {
        Set<String> names = keys.stringPropertyNames();
        assertThat(names).as("keys of %s", service.module()).isNotEmpty().allSatisfy(key -> {
            if (service == Service.INGEST) {
                assertThat(key).matches(PARTNER_KEY);
            } else {
                assertThat(service).isEqualTo(Service.DIGEST);
                assertThat(key.equals(ADMIN_KEY) || EDITOR_KEY.matcher(key).matches())
                        .as("%s is the admin key or an editor's key", key).isTrue();
            }
        });
        if (service == Service.DIGEST) {
            assertThat(names).as("keys of %s", service.module()).contains(ADMIN_KEY)
                    .anyMatch(key -> EDITOR_KEY.matcher(key).matches());
        }
    }

    private Map<String, Set<String>> configMapAndSecretKeys() throws IOException {
        Map<String, Set<String>> keys = new HashMap<>();
        for (String file : List.of("deploy/k8s/config/configmap.yaml", "deploy/k8s/config/secrets.yaml")) {
            for (JsonNode document : DeployFiles.documents(files.path(file))) {
                JsonNode data = document.has("data") ? document.path("data") : document.path("stringData");
                Set<String> names = new TreeSet<>();
                data.fieldNames().forEachRemaining(names::add);
                keys.put(document.path("metadata").path("name").asText(), names);
            }
        }
        return keys;
    }

    /** The properties file a Secret mounts as /deployments/config/application.properties. */
    private Properties secretProperties(String secretName) throws IOException {
        for (JsonNode secret : files.ofKind("deploy/k8s/config/secrets.yaml", "Secret")) {
            if (secretName.equals(secret.path("metadata").path("name").asText())) {
                return DeployFiles.properties(secret.path("stringData").path("application.properties").asText());
            }
        }
        throw new AssertionError("no Secret " + secretName);
    }
}
