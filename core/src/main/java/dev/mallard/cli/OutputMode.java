package dev.mallard.cli;

import java.util.Locale;

/** The shell's result layouts ({@code .mode NAME}), named as in sqlite3 and duckdb. */
public enum OutputMode {
    /** Aligned table with box-drawing lines, a header row of names and one of types (the default). */
    BOX,
    /** Aligned table drawn with ASCII {@code +-|}. */
    TABLE,
    /** RFC 4180 CSV. */
    CSV,
    /** Tab-separated, no quoting. */
    TABS,
    /** {@code |}-separated, no quoting. */
    LIST,
    /** One {@code name = value} line per column, a blank line between rows. */
    LINE,
    /** A JSON array of objects. */
    JSON,
    /** A GitHub-flavoured Markdown table. */
    MARKDOWN;

    /** The mode with this name (case-insensitive), or null. */
    public static OutputMode parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** How NULL shows when {@code .nullvalue} is not set: visible in tables, empty in data formats. */
    String defaultNullText() {
        return switch (this) {
            case BOX, TABLE, LINE, MARKDOWN -> "NULL";
            case CSV, TABS, LIST, JSON -> "";
        };
    }

    String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
