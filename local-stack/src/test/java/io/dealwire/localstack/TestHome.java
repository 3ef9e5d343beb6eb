package io.dealwire.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository the tests run in (set by failsafe), where target/lib and the services' jars are. */
final class TestHome {

    private TestHome() {
    }

    static Path path() {
        Path home = Path.of(System.getProperty("dealwire.home", "..")).toAbsolutePath().normalize();
        if (!Files.isDirectory(home.resolve("local-stack/target/lib"))) {
            throw new IllegalStateException(home + " has no local-stack/target/lib: the tests run after packaging");
        }
        return home;
    }
}
