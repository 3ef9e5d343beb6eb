package io.dealwire.bench.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The outcome of each fault scenario, printed as it comes and saved as a Markdown table. */
final class Findings {

    record Finding(String scenario, String fault, String load, boolean passed, String invariant) {

        String markdown() {
            return "| " + scenario + " | " + fault + " | " + load + " | " + (passed ? "PASS" : "**FAIL**") + " | "
                    + invariant + " |";
        }
    }

    private final List<Finding> findings = new ArrayList<>();
    private final String header;

    Findings(String header) {
        this.header = header;
        System.out.println(header);
    }

    synchronized void add(String scenario, String fault, String load, boolean passed, String invariant) {
        Finding finding = new Finding(scenario, fault, load, passed, invariant);
        findings.add(finding);
        System.out.println(finding.markdown());
    }

    boolean allPassed() {
        return !findings.isEmpty() && findings.stream().allMatch(Finding::passed);
    }

    String markdown() {
        StringBuilder out = new StringBuilder(header).append("\n\n| scenario | fault | load | result | invariant |\n")
                .append("|---|---|---|---|---|\n");
        findings.forEach(finding -> out.append(finding.markdown()).append('\n'));
        out.append('\n').append(findings.stream().filter(Finding::passed).count()).append(" passed, ")
                .append(findings.stream().filter(f -> !f.passed()).count()).append(" failed\n");
        return out.toString();
    }

    Path save(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name), markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
