package io.dealwire.bench.stack;

import io.dealwire.localstack.LogSink;
import io.dealwire.localstack.ManagedProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Postfix's SMTP test tools, the raw baseline of the digest benchmark: {@code smtp-sink}, a server
 * that accepts every mail and keeps none, and {@code smtp-source}, a client that sends M mails over S
 * sessions as fast as the server lets it. Debian's package is downloaded and unpacked under target/
 * ({@code apt-get download} + {@code dpkg-deb -x}): no system install, no daemon, no configuration.
 */
public final class PostfixTools {

    private static final Duration SINK_START = Duration.ofSeconds(10);
    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(5);

    private final Path root;

    private PostfixTools(Path root) {
        this.root = root;
    }

    /** Unpacks the package into {@code dir} unless an earlier run did. */
    public static PostfixTools unpack(Path dir) throws IOException, InterruptedException {
        Path root = dir.resolve("root");
        if (!Files.isExecutable(root.resolve("usr/sbin/smtp-sink"))) {
            Files2.deleteTree(dir);
            Files.createDirectories(dir);
            run(dir, List.of("apt-get", "download", "postfix"));
            try (Stream<Path> files = Files.list(dir)) {
                Path deb = files.filter(file -> file.getFileName().toString().endsWith(".deb")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("apt-get download postfix left no .deb in " + dir));
                run(dir, List.of("dpkg-deb", "-x", deb.toString(), root.toString()));
            }
        }
        return new PostfixTools(root);
    }

    /** {@code smtp-sink} on the port, answering once it accepts connections. */
    public ManagedProcess startSink(int port, Path workDir, LogSink sink) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        List<String> arguments = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            arguments.addAll(List.of("-u", "nobody")); // as root it will not run without a user to become
        }
        arguments.addAll(List.of("127.0.0.1:" + port, "256"));
        ManagedProcess process = ManagedProcess.start("smtp-sink", command("smtp-sink", arguments), workDir, sink);
        long deadline = System.nanoTime() + SINK_START.toNanos();
        while (!accepts(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.close();
                throw new IllegalStateException("smtp-sink did not start: " + process.diagnostics());
            }
            Thread.sleep(50);
        }
        return process;
    }

    /**
     * {@code smtp-source}: {@code mails} mails of {@code bytes} each over {@code sessions} connections,
     * each connection kept for the next mail ({@code -d}) as the digest keeps its own.
     *
     * @return seconds from start to the last mail accepted
     */
    public double source(int port, int mails, int bytes, int sessions) throws IOException, InterruptedException {
        List<String> command = command("smtp-source", List.of("-d", "-l", Integer.toString(bytes),
                "-m", Integer.toString(mails), "-s", Integer.toString(sessions), "-f", "bench@dealwire.local",
                "-t", "reader@bench.dealwire.local", "127.0.0.1:" + port));
        long start = System.nanoTime();
        run(root, command);
        return (System.nanoTime() - start) / 1e9;
    }

    private List<String> command(String tool, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("env", "LD_LIBRARY_PATH=" + root.resolve("usr/lib/postfix"),
                root.resolve("usr/sbin/" + tool).toString()));
        command.addAll(arguments);
        return command;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("postfix-tool", ".out");
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            boolean ended = process.waitFor(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!ended || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + (ended ? " failed: " : " hung: ")
                        + Files.readString(output));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
