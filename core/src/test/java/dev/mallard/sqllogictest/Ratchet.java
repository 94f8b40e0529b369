package dev.mallard.sqllogictest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A checked-in list of scripts known to pass ({@code core/src/test/resources/conformance/*.txt}):
 * one script name a line, {@code #} comments and blank lines ignored. A listed script that fails
 * fails the build; a script that passes but is not listed is reported so it can be added.
 */
public record Ratchet(String resource, Set<String> files) {

    public Ratchet {
        files = Set.copyOf(files);
    }

    public static Ratchet load(String resource) {
        Set<String> files = new LinkedHashSet<>();
        try (InputStream in = Ratchet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("ratchet list not found on the classpath: " + resource);
            }
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Ratchet(resource, files);
    }

    public boolean lists(String file) {
        return files.contains(file);
    }
}
