package io.dealwire.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request example of the docs, runnable as printed against {@code ./dealwire up}: a {@code ```bash}
 * block that starts with {@code curl -i}, then a blank line and the documented answer, whose status
 * line ({@code HTTP/1.1 202 Accepted}) says what the stack must answer.
 */
record DocumentedRequest(String source, String command, int status) {

    private static final Pattern STATUS = Pattern.compile("^HTTP/[0-9.]+ (\\d{3})\\b");
    private static final String FENCE = "```";
    /** A .curlrc for the examples: quiet, and no call hangs the test (curl reads it from $CURL_HOME). */
    private static final Path CURL_HOME = curlHome();

    /** Every example of {@code document}, in reading order; an example without a status line is an error. */
    static List<DocumentedRequest> in(Path home, Path document) throws IOException {
        List<String> lines = Files.readAllLines(document);
        List<DocumentedRequest> requests = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals(FENCE + "bash") || i + 1 >= lines.size()
                    || !lines.get(i + 1).startsWith("curl ")) {
                continue;
            }
            String source = home.relativize(document) + ":" + (i + 2);
            StringBuilder command = new StringBuilder();
            int line = i + 1;
            for (; line < lines.size() && !lines.get(line).isBlank() && !lines.get(line).startsWith(FENCE); line++) {
                command.append(lines.get(line)).append('\n');
            }
            Matcher status = line + 1 < lines.size() ? STATUS.matcher(lines.get(line + 1)) : STATUS.matcher("");
            if (!status.find()) {
                throw new IllegalStateException(source + ": a curl example needs a blank line and then the documented"
                        + " status line (HTTP/1.1 <code> <reason>)");
            }
            requests.add(new DocumentedRequest(source, command.toString(), Integer.parseInt(status.group(1))));
            i = line;
        }
        return requests;
    }

    private static Path curlHome() {
        try {
            Path home = Files.createTempDirectory("dealwire-curl-");
            Files.writeString(home.resolve(".curlrc"), "silent\nshow-error\nmax-time = 30\n");
            home.toFile().deleteOnExit();
            home.resolve(".curlrc").toFile().deleteOnExit();
            return home;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the command with the documented ports replaced by the stack's; returns the status curl printed. */
    int runWith(Map<Integer, Integer> ports) throws IOException, InterruptedException {
        String runnable = command;
        for (Map.Entry<Integer, Integer> port : ports.entrySet()) {
            runnable = runnable.replace("http://127.0.0.1:" + port.getKey() + "/",
                    "http://127.0.0.1:" + port.getValue() + "/");
        }
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", runnable)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("CURL_HOME", CURL_HOME.toString()); // bounds each call, see CURL_HOME
        Process curl = builder.start();
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!curl.waitFor(5, TimeUnit.SECONDS) || curl.exitValue() != 0) {
            curl.destroyForcibly();
            throw new IllegalStateException(source + ": curl failed:\n" + runnable);
        }
        // the last status line of the head: an interim 100 Continue may come first
        int last = -1;
        for (String line : output.split("\r?\n")) {
            Matcher status = STATUS.matcher(line);
            if (status.find()) {
                last = Integer.parseInt(status.group(1));
                if (last >= 200) {
                    break;
                }
            }
        }
        return last;
    }
}
