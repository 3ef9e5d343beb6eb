package io.dealwire.bench.stack;

import io.dealwire.localstack.LogSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The children's logs go to one file, so the console keeps the figures readable. */
public final class FileSink implements LogSink, AutoCloseable {

    private final PrintWriter out;
    private final Path file;

    public FileSink(Path file) {
        try {
            Files.createDirectories(file.getParent());
            this.out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), true);
            this.file = file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public synchronized void line(String line) {
        out.println(line);
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        out.close();
    }
}
