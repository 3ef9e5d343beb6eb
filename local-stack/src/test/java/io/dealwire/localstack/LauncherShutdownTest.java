package io.dealwire.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C on {@code ./dealwire}: the launcher, run as a real process like the script runs it, gets
 * SIGINT and must leave none of the processes it started behind, once up and while still starting.
 */
class LauncherShutdownTest {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    @Test
    void shouldStopEveryProcessItStartedOnCtrlC() throws Exception {
        stopWhen("=== Deal Wire is up ===", 2);
    }

    @Test
    void shouldStopWhatItHasStartedWhenCtrlCComesDuringTheStart() throws Exception {
        // the mail catcher runs and Kafka is starting: the start is interrupted and undone
        stopWhen("[stack  ] Kafka (KRaft, 1 broker) ...", 1);
    }

    private void stopWhen(String line, int minimumChildren) throws Exception {
        Path home = TestHome.path();
        Process launcher = new ProcessBuilder(ManagedProcess.java(), "-Xmx128m", "-Ddealwire.home=" + home,
                "-cp", home.resolve("local-stack/target/local-stack.jar") + ":" + home.resolve("local-stack/target/lib/*"),
                Main.class.getName(), "infra", "--isolated")
                .redirectErrorStream(true)
                .start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> read(launcher, output));
        reader.start();
        try {
            await().atMost(START_TIMEOUT).until(() -> output.contains(line) || !launcher.isAlive());
            assertThat(launcher.isAlive()).as("launcher output: %s", output).isTrue();
            List<ProcessHandle> children = launcher.descendants().toList();
            assertThat(children).as("child processes at \"%s\"", line).hasSizeGreaterThanOrEqualTo(minimumChildren);

            // bash's built-in kill: no procps needed
            new ProcessBuilder("bash", "-c", "kill -" + stopSignal(launcher) + " " + launcher.pid()).start().waitFor();

            assertThat(launcher.waitFor(2, TimeUnit.MINUTES)).as("the launcher ends after Ctrl-C").isTrue();
            assertThat(children).allSatisfy(child -> assertThat(child.isAlive())
                    .as("child %s %s", child.pid(), child.info().commandLine().orElse(""))
                    .isFalse());
            reader.join(5_000);
            assertThat(output).contains("[stack  ] stopped");
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    /**
     * What Ctrl-C sends, SIGINT, unless the launcher inherited it as ignored (a JVM started in the
     * background by a shell without job control, as some CI runners do, cannot handle it): then
     * SIGTERM, which takes the same path in the JVM (its shutdown hooks).
     */
    private static String stopSignal(Process launcher) throws Exception {
        Path status = Path.of("/proc", Long.toString(launcher.pid()), "status");
        long ignored = Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:"))
                .map(line -> Long.parseLong(line.substring("SigIgn:".length()).trim(), 16))
                .findFirst().orElse(0L);
        boolean sigintIgnored = (ignored & (1L << (2 - 1))) != 0;
        return sigintIgnored ? "TERM" : "INT";
    }

    private static void read(Process process, List<String> output) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.add(line);
                System.out.println(line);
            }
        } catch (Exception e) {
            // the process ended
        }
    }
}
