package dev.mallard.sqllogictest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * Where a script comes from: its name in reports and ratchet lists, its text, the directory that
 * {@code {DATA_DIR}} stands for, and the dialect it is written in.
 *
 * @param dataDir the directory substituted for {@code {DATA_DIR}}, or null when the corpus has none
 * @param location a URI for IDEs and reports (file or jar entry)
 */
public record ScriptSource(String name, Dialect dialect, Path dataDir, URI location, TextReader reader) {

    /** Reads a script's text when it is run, so that a corpus can be listed cheaply. */
    @FunctionalInterface
    public interface TextReader {
        String read() throws IOException;
    }

    public String text() throws IOException {
        return reader.read();
    }

    @Override
    public String toString() {
        return name;
    }
}
