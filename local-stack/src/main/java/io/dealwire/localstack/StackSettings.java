package io.dealwire.localstack;

import java.nio.file.Path;

/**
 * How to run the stack.
 *
 * @param home the repository (where the services' target/ directories are)
 * @param stateDir Kafka's log, the embedded PostgreSQL's data, the mail catcher's working directory
 * @param database the database catalog and digest share (each in its own schema)
 * @param fresh start from nothing: empty topics, a dropped and recreated database
 * @param disposable drop the database and delete the state directory when the stack stops (tests)
 * @param withServices false starts the infrastructure only
 * @param forceEmbeddedPostgres ignore a local PostgreSQL
 */
public record StackSettings(Path home, Path stateDir, String database, boolean fresh, boolean disposable,
        boolean withServices, boolean forceEmbeddedPostgres, StackPorts ports) {

    /** {@code ./dealwire up}: the documented ports, data kept between runs in .dealwire/up. */
    public static StackSettings up(Path home, boolean forceEmbeddedPostgres) {
        return new StackSettings(home, home.resolve(".dealwire/up"), "dealwire", false, false, true,
                forceEmbeddedPostgres, StackPorts.conventional());
    }

    /** {@code ./dealwire demo}: a clean slate every time, so the demo issue is always sent anew. */
    public static StackSettings demo(Path home, boolean forceEmbeddedPostgres) {
        return new StackSettings(home, home.resolve(".dealwire/demo"), "dealwire_demo", true, false, true,
                forceEmbeddedPostgres, StackPorts.conventional());
    }

    /** Tests: free ports, a database and a state directory of their own, all removed afterwards. */
    public static StackSettings isolated(Path home, Path stateDir, String database, boolean forceEmbeddedPostgres) {
        return new StackSettings(home, stateDir, database, true, true, true, forceEmbeddedPostgres,
                StackPorts.ephemeral());
    }

    public StackSettings withoutServices() {
        return new StackSettings(home, stateDir, database, fresh, disposable, false, forceEmbeddedPostgres, ports);
    }

    public Path libDir() {
        return home.resolve("local-stack/target/lib");
    }

    public Path greenMailJar() {
        return home.resolve("local-stack/target/greenmail/greenmail-standalone.jar");
    }
}
