package io.dealwire.localstack;

import java.io.PrintStream;

/** Where the children's output goes, one line at a time, each already carrying its prefix. */
@FunctionalInterface
public interface LogSink {

    void line(String line);

    /** Lines of several threads never interleave mid-line. */
    static LogSink to(PrintStream out) {
        return line -> {
            synchronized (out) {
                out.println(line);
            }
        };
    }

    /** {@code [kafka  ] }: names padded so the logs of all processes line up. */
    static String prefix(String name) {
        return "[" + String.format("%-7s", name) + "] ";
    }
}
