package dev.mallard.api.table;

import dev.mallard.MallardException;
import java.nio.file.Path;
import java.util.Locale;

/** The file formats a table or query is exported to and imported from ({@link Freeze}). */
public enum DataFormat {
    /** A header line, then one line per row; ISO-8601 dates; NULL is an empty field. */
    CSV,
    /** One JSON array of row objects. */
    JSON,
    /** One JSON object per line. */
    NDJSON;

    /** The format a file name's extension names (.csv, .json, .ndjson or .jsonl; also with .gz). */
    public static DataFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) name = name.substring(0, name.length() - 3);
        if (name.endsWith(".csv")) return CSV;
        if (name.endsWith(".json")) return JSON;
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) return NDJSON;
        throw MallardException.Data.invalidArgument("cannot tell the format of " + file + " from its name: use .csv, .json, .ndjson or"
                + " .jsonl, or pass a DataFormat");
    }
}
