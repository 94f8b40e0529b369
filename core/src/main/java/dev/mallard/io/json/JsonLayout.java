package dev.mallard.io.json;

import dev.mallard.MallardException;
import java.util.Locale;

/** How records are laid out in a file: the {@code format} option. */
enum JsonLayout {
    /** A top-level array of records, or records back to back, whichever the file starts with. */
    AUTO,
    /** One record per line (read leniently: a record may also span lines). */
    NEWLINE_DELIMITED,
    /** One top-level array whose elements are the records. */
    ARRAY,
    /** Records back to back, each spanning any number of lines. */
    UNSTRUCTURED;

    static JsonLayout of(String option) {
        if (option == null) return AUTO;
        return switch (option.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "newline_delimited", "nd", "ndjson", "jsonl" -> NEWLINE_DELIMITED;
            case "array" -> ARRAY;
            case "unstructured" -> UNSTRUCTURED;
            default -> throw MallardException.Data.invalidArgument("option format takes 'auto', 'newline_delimited', 'array' or "
                    + "'unstructured', got '" + option + "'");
        };
    }
}
