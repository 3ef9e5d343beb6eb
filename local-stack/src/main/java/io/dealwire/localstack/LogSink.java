package io.dealwire.localstack;

import java.io.PrintStream;
import java.util.List;

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

    /** This sink without the lines that contain any of {@code fragments}. */
    default LogSink without(List<String> fragments) {
        return line -> {
            if (fragments.stream().noneMatch(line::contains)) {
                line(line);
            }
        };
    }

    /** {@code [kafka  ] }: names padded so the logs of all processes line up. */
    static String prefix(String name) {
        return "[" + String.format("%-7s", name) + "] ";
    }
}
