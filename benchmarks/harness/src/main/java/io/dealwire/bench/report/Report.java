package io.dealwire.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The figures of one run, each beside its baseline and the ratio, printed as a Markdown table as they
 * come and saved at the end (target/results/), so docs/benchmarks.md can quote runs verbatim.
 */
public final class Report {

    /** One figure; {@code baseline} may be absent (NaN) where there is nothing to compare with. */
    public record Row(String area, String figure, double value, String unit, String baselineName, double baseline,
            String target) {

        String ratio() {
            return Double.isNaN(baseline) || baseline == 0 ? "" : String.format("%.2f×", value / baseline);
        }

        String markdown() {
            return "| " + area + " | " + figure + " | " + number(value) + " " + unit + " | "
                    + (Double.isNaN(baseline) ? "" : baselineName + ": " + number(baseline) + " " + unit) + " | "
                    + ratio() + " | " + target + " |";
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final String header;

    public Report(String header) {
        this.header = header;
        System.out.println(header);
        System.out.println();
        System.out.println(tableHeader());
    }

    private static String tableHeader() {
        return "| area | figure | value | baseline | ratio | target |\n|---|---|---|---|---|---|";
    }

    public synchronized void add(String area, String figure, double value, String unit, String baselineName,
            double baseline, String target) {
        Row row = new Row(area, figure, value, unit, baselineName, baseline, target);
        rows.add(row);
        System.out.println(row.markdown());
    }

    public void add(String area, String figure, double value, String unit) {
        add(area, figure, value, unit, "", Double.NaN, "");
    }

    /** The value of the first row of {@code area} named {@code figure}, if this run has one (parts that ran before). */
    public synchronized OptionalDouble value(String area, String figure) {
        return rows.stream().filter(row -> row.area().equals(area) && row.figure().equals(figure))
                .mapToDouble(Row::value).findFirst();
    }

    /** A line of context (what ran, an anomaly): printed now and listed under the table. */
    public synchronized void note(String note) {
        notes.add(note);
        System.out.println("  note: " + note);
    }

    public String markdown() {
        StringBuilder out = new StringBuilder(header).append("\n\n").append(tableHeader()).append('\n');
        rows.forEach(row -> out.append(row.markdown()).append('\n'));
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
        }
        return out.toString();
    }

    public Path save(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            Files.writeString(file, markdown());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the report", e);
        }
    }

    static String number(double value) {
        if (Math.abs(value) >= 100 || value == Math.rint(value)) {
            return String.format("%,.0f", value);
        }
        return String.format("%.2f", value);
    }
}
