package io.dealwire.bench.stack;

import io.dealwire.localstack.LogSink;
import io.dealwire.localstack.ManagedProcess;
import io.dealwire.localstack.Readiness;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A packaged Quarkus app ({@code quarkus-run.jar}) in its own JVM, started with production-like JVM
 * options (the default JIT and collector, unlike the launcher's quick-start ones), timed from the
 * moment it was started until {@code /q/health/ready} answers 200.
 */
public final class JavaProcess implements AutoCloseable {

    /** JIT and GC left to the JVM's ergonomics, as in deploy/docker/Dockerfile.jvm; a bounded heap. */
    public static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx512m",
            "-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> config;
    private final List<String> extraJvmOptions;
    private final LogSink sink;
    private final ManagedProcess process;
    private final URI baseUri;
    private final long startedNanos;
    private volatile long readyMillis = -1;

    private JavaProcess(String name, Path jar, int port, Map<String, String> config, List<String> extraJvmOptions,
            LogSink sink, ManagedProcess process, URI baseUri, long startedNanos) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.config = Map.copyOf(config);
        this.extraJvmOptions = List.copyOf(extraJvmOptions);
        this.sink = sink;
        this.process = process;
        this.baseUri = baseUri;
        this.startedNanos = startedNanos;
    }

    public static JavaProcess start(String name, Path jar, int port, Map<String, String> config,
            List<String> extraJvmOptions, LogSink sink) throws IOException {
        if (!jar.toFile().isFile()) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw -q package -DskipTests");
        }
        List<String> command = new ArrayList<>();
        command.add(ManagedProcess.java());
        command.addAll(JVM_OPTIONS);
        command.addAll(extraJvmOptions);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        long started = System.nanoTime();
        ManagedProcess process = ManagedProcess.start(name, command, jar.getParent(), sink);
        return new JavaProcess(name, jar, port, config, extraJvmOptions, sink, process,
                URI.create("http://127.0.0.1:" + port + "/"), started);
    }

    /** The same command again (same port, same configuration), e.g. after {@link #kill()}; not yet ready. */
    public JavaProcess respawn() throws IOException {
        return start(name, jar, port, config, extraJvmOptions, sink);
    }

    /** Waits until ready and remembers how long the start took (100 ms polling, so ±0.1 s). */
    public JavaProcess awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        URI ready = baseUri.resolve("q/health/ready");
        while (!Readiness.answers200(ready)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " did not start: " + process.diagnostics());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready after " + READY_TIMEOUT.toSeconds() + " s: "
                        + process.diagnostics());
            }
            Thread.sleep(100);
        }
        readyMillis = (System.nanoTime() - startedNanos) / 1_000_000;
        return this;
    }

    public long readyMillis() {
        return readyMillis;
    }

    public URI baseUri() {
        return baseUri;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public ManagedProcess process() {
        return process;
    }

    /** Resident memory now, from /proc/&lt;pid&gt;/status. */
    public long rssKib() {
        return ProcStatus.rssKib(process.pid());
    }

    /** kill -9, no shutdown hooks: what a crash or an OOM killer does. */
    public void kill() {
        process.handle().destroyForcibly();
        try {
            process.process().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
