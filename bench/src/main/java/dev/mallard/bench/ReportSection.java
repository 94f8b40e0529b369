package dev.mallard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One benchmark's part of a report file, between two HTML comments (invisible when rendered).
 * Several benchmarks write BENCHMARKS.md: the persistence, file, Java data and table runs each
 * replace only their own part, and the TPC-H run, which regenerates the whole file, carries every known part over,
 * so each run's figures survive the others'.
 */
record ReportSection(String name) {
    static final ReportSection PERSISTENCE = new ReportSection("persistence");
    static final ReportSection FILES = new ReportSection("files");
    static final ReportSection JAVA = new ReportSection("java");
    static final ReportSection TABLES = new ReportSection("tables");
    /** Every section a whole-file rewrite keeps, in the order it appends them. */
    static final List<ReportSection> ALL = List.of(PERSISTENCE, FILES, JAVA, TABLES);

    String start() {
        return "<!-- " + name + ":start -->";
    }

    String end() {
        return "<!-- " + name + ":end -->";
    }

    /** The marked part of the file at {@code path}, markers included; empty when the file or the part is absent. */
    String read(Path path) throws IOException {
        if (!Files.exists(path)) return "";
        String doc = Files.readString(path);
        int start = doc.indexOf(start());
        int end = doc.indexOf(end(), Math.max(start, 0));
        if (start < 0 || end < 0) return "";
        return doc.substring(start, end + end().length());
    }

    /** {@code report} followed by every marked part of the file it is about to replace, in {@link #ALL}'s order. */
    static String carryOver(String report, Path previous) throws IOException {
        String out = report;
        for (ReportSection s : ALL) {
            String kept = s.read(previous);
            if (!kept.isEmpty()) out = out.stripTrailing() + "\n\n" + kept + "\n";
        }
        return out;
    }

    /**
     * Writes {@code body} between the markers of the file at {@code path}: in place of the marked
     * part when there is one, else at the end (creating the file if need be).
     */
    void write(Path path, String body) throws IOException {
        String doc = Files.exists(path) ? Files.readString(path) : "";
        String section = start() + "\n" + body.strip() + "\n" + end();
        String old = read(path);
        String updated = old.isEmpty()
                ? (doc.isBlank() ? "" : doc.stripTrailing() + "\n\n") + section + "\n"
                : doc.replace(old, section);
        Files.writeString(path, updated);
    }
}
