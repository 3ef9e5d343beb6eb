package io.dealwire.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ./dealwire}: {@code up} runs the suite until Ctrl-C, {@code demo} does the same after
 * delivering the seed week's issue to a demo subscriber, {@code redrive} re-drives a dead-letter topic.
 */
public final class Main {

    static final String USAGE = """
            usage: ./dealwire up [--brokers 1|3] [--embedded-postgres] [--isolated]
                   ./dealwire demo [--exit] [--brokers 1|3] [--embedded-postgres] [--isolated]
                   ./dealwire infra [--brokers 1|3] [--embedded-postgres] [--isolated]
                   ./dealwire redrive --group <deal-catalog|digest> [--bootstrap-server <host:port>]
              up       Kafka, PostgreSQL, the SMTP catcher and the three services, until Ctrl-C
              demo     the same, then delivers the 2025-W37 issue to a demo subscriber (--exit: stop after it)
              infra    Kafka, PostgreSQL and the SMTP catcher only (run a service from your IDE against them)
              redrive  copies a consumer group's dead-letter topic back to dealwire.deals.v1
              --brokers 3          three Kafka brokers, every topic replicated 3 times (min.insync.replicas 2); default 1
              --isolated           free ports, a temporary state directory and database, removed at the end
              --embedded-postgres  ignore the PostgreSQL at 127.0.0.1:5432
            """;

    private final PrintStream out = System.out;
    private final LogSink sink = LogSink.to(System.out);
    private final Path home;
    private final List<String> args;

    private Main(Path home, List<String> args) {
        this.home = home;
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        // the launcher's own Kafka clients log errors only (its readiness checks expect refusals); the children keep their own logging
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        Path home = Path.of(System.getProperty("dealwire.home", ".")).toAbsolutePath().normalize();
        List<String> args = Arrays.asList(argv);
        if (args.isEmpty()) {
            System.err.print(USAGE);
            System.exit(2);
        }
        try {
            System.exit(new Main(home, args).run(args.get(0)));
        } catch (UsageException e) {
            System.err.println("dealwire: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
    }

    /** A command line that cannot be run: said in one line with the usage, no stack trace. */
    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private int run(String command) throws Exception {
        boolean embedded = flag("--embedded-postgres");
        return switch (command) {
            case "up" -> up(settings(StackSettings.up(home, embedded)), false, false);
            case "demo" -> up(settings(StackSettings.demo(home, embedded)), true, flag("--exit"));
            case "infra" -> up(settings(StackSettings.up(home, embedded)).withoutServices(), false, false);
            case "redrive" -> redrive();
            default -> {
                System.err.print(USAGE);
                yield 2;
            }
        };
    }

    private StackSettings settings(StackSettings conventional) throws IOException {
        String brokers = Objects.requireNonNullElse(option("--brokers"), "1");
        if (!brokers.equals("1") && !brokers.equals("3")) {
            throw new UsageException("--brokers is 1 or 3, not " + brokers);
        }
        StackSettings settings = !flag("--isolated") ? conventional
                : StackSettings.isolated(home, Files.createTempDirectory("dealwire-stack-"),
                        "dealwire_isolated_" + ProcessHandle.current().pid(), conventional.forceEmbeddedPostgres());
        return settings.withBrokers(Integer.parseInt(brokers));
    }

    private int up(StackSettings settings, boolean demo, boolean exitAfterDemo) throws Exception {
        // The hook is in place before anything starts: Ctrl-C while the services are still starting
        // interrupts the start, which then stops what it has started (else those would be orphaned).
        Thread starter = Thread.currentThread();
        AtomicReference<LocalStack> started = new AtomicReference<>();
        CountDownLatch startEnded = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (startEnded.getCount() > 0) {
                starter.interrupt();
                awaitQuietly(startEnded);
            }
            LocalStack running = started.get();
            if (running != null) {
                running.close();
            }
            stopped.countDown();
        }, "dealwire-stop"));
        LocalStack stack;
        try {
            stack = LocalStack.start(settings, sink);
            started.set(stack);
        } catch (InterruptedException e) {
            return 130; // Ctrl-C during the start: already undone, nothing to report
        } finally {
            startEnded.countDown();
        }
        Banner.print(out, stack);
        if (demo) {
            DemoJourney.Result result;
            try {
                result = new DemoJourney(stack.urls(), stack.mail(), sink, settings.stateDir().resolve("delivered")).run();
            } catch (Exception e) {
                sink.line(LogSink.prefix("demo") + "FAILED: " + e.getMessage());
                return 1; // the shutdown hook stops the stack
            }
            Banner.printDemo(out, result);
            if (exitAfterDemo) {
                return 0; // System.exit runs the shutdown hook, which stops the stack
            }
        }
        out.println("Ctrl-C stops everything.");
        stopped.await();
        return 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int redrive() throws Exception {
        String group = option("--group");
        if (group == null) {
            System.err.print(USAGE);
            return 2;
        }
        String bootstrap = option("--bootstrap-server");
        if (bootstrap == null) {
            bootstrap = runningStackBootstrap();
        }
        Redrive.Result result = new Redrive(bootstrap).run(group);
        out.println("re-drove " + result.copied() + " record(s) from " + result.deadLetterTopic() + " at " + bootstrap
                + " (progress kept by consumer group " + Redrive.groupOf(group) + ")");
        return 0;
    }

    /** The broker of a stack started by {@code ./dealwire up} (or demo), else Kafka's usual address. */
    private String runningStackBootstrap() throws IOException {
        for (String stack : List.of(".dealwire/up", ".dealwire/demo")) {
            Path state = home.resolve(stack).resolve(LocalStack.STATE_FILE);
            if (Files.isRegularFile(state)) {
                Properties props = new Properties();
                try (Reader in = Files.newBufferedReader(state)) {
                    props.load(in);
                }
                return props.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092");
            }
        }
        return "127.0.0.1:9092";
    }

    private boolean flag(String name) {
        return args.contains(name);
    }

    private String option(String name) {
        List<String> rest = new ArrayList<>(args);
        int at = rest.indexOf(name);
        return at >= 0 && at + 1 < rest.size() ? rest.get(at + 1) : null;
    }
}
