package io.dealwire.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/** Reading deploy/ and the services' real configuration for {@link DeployConsistencyTest}. */
final class DeployFiles {

    /** Standard Quarkus keys a deployment may set although the app's properties leave them at their default. */
    static final Set<String> QUARKUS_HTTP = Set.of("quarkus.http.port");
    static final Set<String> QUARKUS_MAILER_EXTRAS = Set.of("quarkus.mailer.username", "quarkus.mailer.password",
            "quarkus.mailer.start-tls", "quarkus.mailer.tls");

    private static final YAMLMapper YAML = new YAMLMapper();

    private final Path home;

    DeployFiles(Path home) {
        this.home = home;
    }

    Path path(String relative) {
        return home.resolve(relative);
    }

    List<Path> yamlFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("deploy", "docs")) {
            try (Stream<Path> paths = Files.walk(home.resolve(dir))) {
                paths.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).forEach(files::add);
            }
        }
        return files;
    }

    /** Every document of a (possibly multi-document) YAML file. */
    static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode document = it.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }

    JsonNode single(String relative) throws IOException {
        List<JsonNode> documents = documents(path(relative));
        if (documents.size() != 1) {
            throw new IllegalStateException(relative + " has " + documents.size() + " documents");
        }
        return documents.get(0);
    }

    /** The documents of the given kind in one manifest file. */
    List<JsonNode> ofKind(String relative, String kind) throws IOException {
        return documents(path(relative)).stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    /** The service's application.properties, profile-specific keys left out. */
    Properties appProperties(Service service) throws IOException {
        Properties all = properties(path(service.module() + "/src/main/resources/application.properties"));
        Properties base = new Properties();
        all.stringPropertyNames().stream().filter(key -> !key.startsWith("%"))
                .forEach(key -> base.setProperty(key, all.getProperty(key)));
        return base;
    }

    static Properties properties(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return properties(in);
        }
    }

    static Properties properties(String text) throws IOException {
        return properties(new StringReader(text));
    }

    private static Properties properties(Reader in) throws IOException {
        Properties props = new Properties();
        props.load(in);
        return props;
    }

    /**
     * The config names a deployment may give this service: those its application.properties sets (an
     * environment variable only reaches a dashed name that some source already names), plus the
     * standard Quarkus keys of the extensions it uses.
     */
    Set<String> knownConfigNames(Service service) throws IOException {
        Set<String> known = new HashSet<>(appProperties(service).stringPropertyNames());
        known.addAll(QUARKUS_HTTP);
        if (known.contains("quarkus.mailer.host")) {
            known.addAll(QUARKUS_MAILER_EXTRAS);
        }
        return known;
    }

    /** MicroProfile Config's environment-variable form of a property name. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    static boolean isKnownEnv(String env, Set<String> knownNames) {
        return knownNames.stream().anyMatch(name -> envName(name).equals(env));
    }
}
