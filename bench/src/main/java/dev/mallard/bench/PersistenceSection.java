package dev.mallard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The persistence benchmark's part of a report file, between two HTML comments (invisible when
 * rendered). Both benchmarks write BENCHMARKS.md: the persistence run replaces only this part, and
 * the TPC-H run, which regenerates the whole file, carries it over, so each run's figures survive
 * the other's.
 */
final class PersistenceSection {
    static final String START = "<!-- persistence:start -->";
    static final String END = "<!-- persistence:end -->";

    private PersistenceSection() {}

    /** The marked part of the file at {@code path}, markers included; empty when the file or the part is absent. */
    static String read(Path path) throws IOException {
        if (!Files.exists(path)) return "";
        String doc = Files.readString(path);
        int start = doc.indexOf(START);
        int end = doc.indexOf(END, Math.max(start, 0));
        if (start < 0 || end < 0) return "";
        return doc.substring(start, end + END.length());
    }

    /** {@code report} followed by the marked part of the file it is about to replace, if that had one. */
    static String carryOver(String report, Path previous) throws IOException {
        String section = read(previous);
        return section.isEmpty() ? report : report.stripTrailing() + "\n\n" + section + "\n";
    }

    /**
     * Writes {@code body} between the markers of the file at {@code path}: in place of the marked
     * part when there is one, else at the end (creating the file if need be).
     */
    static void write(Path path, String body) throws IOException {
        String doc = Files.exists(path) ? Files.readString(path) : "";
        String section = START + "\n" + body.strip() + "\n" + END;
        String old = read(path);
        String updated = old.isEmpty()
                ? (doc.isBlank() ? "" : doc.stripTrailing() + "\n\n") + section + "\n"
                : doc.replace(old, section);
        Files.writeString(path, updated);
    }
}
