package io.dealwire.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The repository's documents a reader follows: what the link and example tests read. */
final class RepositoryDocuments {

    private RepositoryDocuments() {
    }

    /** README.md, every module's README.md and the Markdown of docs/ (not the raw benchmark output). */
    static List<Path> markdown(Path home) throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(home.resolve("README.md"));
        try (Stream<Path> modules = Files.list(home)) {
            modules.map(module -> module.resolve("README.md")).filter(Files::isRegularFile).sorted()
                    .forEach(documents::add);
        }
        try (Stream<Path> docs = Files.walk(home.resolve("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md"))
                    .filter(file -> !file.startsWith(home.resolve("docs/benchmark-runs")))
                    .sorted().forEach(documents::add);
        }
        return documents;
    }
}
