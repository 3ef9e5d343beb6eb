package io.dealwire.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A child process whose output goes, line by line and prefixed, to a {@link LogSink}; the last lines
 * are kept to explain a failed start. Stopping is polite first (SIGTERM, so the JVM's shutdown hooks
 * run), then forcible; descendants are stopped too, so nothing is left behind.
 */
public final class ManagedProcess implements AutoCloseable {

    static final Duration GRACE = Duration.ofSeconds(20);
    private static final int TAIL_LINES = 60;

    private final String name;
    private final Process process;
    private final Deque<String> tail = new ArrayDeque<>();
    private final Thread pump;

    private ManagedProcess(String name, Process process, LogSink sink) {
        this.name = name;
        this.process = process;
        String prefix = LogSink.prefix(name);
        this.pump = new Thread(() -> pump(prefix, sink), "log-" + name);
        this.pump.setDaemon(true);
        this.pump.start();
    }

    public static ManagedProcess start(String name, List<String> command, Path workDir, LogSink sink)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true);
        Process process = builder.start();
        // no child reads its standard input; closing it avoids a blocked read if one ever does
        process.getOutputStream().close();
        return new ManagedProcess(name, process, sink);
    }

    /** The java executable of this JVM, so children run on the same JDK. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void pump(String prefix, LogSink sink) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                remember(line);
                sink.line(prefix + line);
            }
        } catch (IOException e) {
            // the stream closes when the process ends
        }
    }

    private synchronized void remember(String line) {
        if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
        }
        tail.addLast(line);
    }

    public synchronized List<String> tail() {
        return new ArrayList<>(tail);
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

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public Process process() {
        return process;
    }

    /** Why a start failed: the exit code and the last lines the process wrote. */
    public String diagnostics() {
        String state = process.isAlive() ? "still running" : "exited with code " + process.exitValue();
        return name + " " + state + "; its last lines:\n  " + String.join("\n  ", tail());
    }

    /** Waits for the process to end by itself (a one-shot tool such as Kafka's storage format). */
    public int awaitExit(Duration timeout) throws InterruptedException {
        boolean ended;
        try {
            ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            stopAll(List.of(this)); // not left behind when the wait is given up (Ctrl-C)
            throw e;
        }
        if (!ended) {
            stopAll(List.of(this));
            throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s");
        }
        joinPump();
        return process.exitValue();
    }

    @Override
    public void close() {
        stopAll(List.of(this));
    }

    /**
     * Stops all the given processes at once (they shut down in parallel): descendants first, then the
     * processes themselves, each with SIGTERM and, after {@link #GRACE}, SIGKILL.
     */
    public static void stopAll(List<ManagedProcess> processes) {
        List<ProcessHandle> handles = new ArrayList<>();
        for (ManagedProcess managed : processes) {
            try (Stream<ProcessHandle> descendants = managed.process.descendants()) {
                descendants.forEach(handles::add);
            }
        }
        processes.forEach(managed -> handles.add(managed.process.toHandle()));
        handles.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle handle : handles) {
            long left = Math.max(deadline - System.nanoTime(), 0);
            if (!awaitEnd(handle, Duration.ofNanos(left))) {
                handle.destroyForcibly();
                awaitEnd(handle, Duration.ofSeconds(10));
            }
        }
        processes.forEach(ManagedProcess::joinPump);
    }

    private static boolean awaitEnd(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !handle.isAlive();
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    private void joinPump() {
        try {
            pump.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
