package io.dealwire.localstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One packaged service ({@code java -jar target/quarkus-app/quarkus-run.jar}) in its own JVM. */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Service service;
    private final ManagedProcess process;
    private final URI baseUri;

    private ServiceProcess(Service service, ManagedProcess process, URI baseUri) {
        this.service = service;
        this.process = process;
        this.baseUri = baseUri;
    }

    public static ServiceProcess start(Service service, Path home, int port, Map<String, String> config,
            LogSink sink) throws IOException {
        Path jar = service.runJar(home);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw -q package -DskipTests");
        }
        List<String> command = new ArrayList<>(List.of(ManagedProcess.java(),
                // small heaps and the quick JIT: five JVMs share a laptop (or a 2-core CI machine)
                "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        ManagedProcess process = ManagedProcess.start(service.shortName(), command, jar.getParent(), sink);
        return new ServiceProcess(service, process, URI.create("http://127.0.0.1:" + port + "/"));
    }

    public void awaitReady() throws InterruptedException {
        Readiness.await(process, baseUri.resolve("q/health/ready"), READY_TIMEOUT);
    }

    public Service service() {
        return service;
    }

    public URI baseUri() {
        return baseUri;
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
