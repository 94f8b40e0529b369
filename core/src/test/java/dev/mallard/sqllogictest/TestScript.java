package dev.mallard.sqllogictest;

import java.util.List;

/**
 * A parsed sqllogictest file.
 *
 * @param name the file's name relative to its corpus, with {@code /} separators
 */
public record TestScript(String name, List<Record> records) {
    public TestScript {
        records = List.copyOf(records);
    }
}
