package io.dealwire.bench;

import io.dealwire.bench.report.Report;
import io.dealwire.bench.stack.JavaProcess;

/** Start-up time to ready and resident memory at ready, for each service a run starts. */
public final class Footprint {

    private Footprint() {
    }

    public static JavaProcess ready(JavaProcess process, Report report) throws InterruptedException {
        process.awaitReady();
        report.add("start-up", process.name() + ": start to ready", process.readyMillis(), "ms");
        report.add("memory", process.name() + ": RSS at ready", process.rssKib() / 1024.0, "MiB");
        return process;
    }
}
