package dev.mallard.io.json;

import dev.mallard.MallardException;
import dev.mallard.io.TextDateFormat;
import java.nio.charset.StandardCharsets;

/**
 * The dateformat and timestampformat options of the JSON reader: a {@link TextDateFormat} (the
 * one the CSV reader uses) applied to JSON strings, or null for automatic ISO 8601 detection.
 */
final class JsonTimeFormat {
    private final String format;
    private final TextDateFormat parser;

    private JsonTimeFormat(String format) {
        this.format = format;
        this.parser = TextDateFormat.of(format);
    }

    /** The format of an option, or null for automatic ISO 8601 detection. */
    static JsonTimeFormat of(String option, String name) {
        if (option == null || option.isEmpty() || option.equalsIgnoreCase("auto")) return null;
        if (!option.contains("%")) {
            throw MallardException.Data.invalidArgument("option " + name + " takes a strptime format such as '%d/%m/%Y', got '"
                    + option + "'");
        }
        return new JsonTimeFormat(option);
    }

    String format() {
        return format;
    }

    /** Days since 1970-01-01, or {@link dev.mallard.types.DateTimes#INVALID}. */
    long parseDate(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return parser.parseDate(b, 0, b.length);
    }

    /** Microseconds since 1970-01-01 00:00:00 UTC, or {@link dev.mallard.types.DateTimes#INVALID} when the text does not match. */
    long parseTimestamp(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return parser.parseTimestamp(b, 0, b.length);
    }
}
