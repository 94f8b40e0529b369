package dev.mallard.api.table;

import dev.mallard.MallardException;
import dev.mallard.api.EmbeddedDatabase;
import dev.mallard.api.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Tables and query results to files and back ("freezing" data), for every backend alike: the rows
 * are handed to a private in-memory Mallard database, whose {@code COPY ... TO} writes them and whose
 * {@code read_csv} / {@code read_json} read them back (sniffing types: dates come back as dates). So
 * a PostgreSQL table and a Mallard table with the same rows give the same file.
 * <pre>{@code
 * Freeze.write(db.query("SELECT * FROM weather WHERE place = ?", "Köln"), Path.of("koeln.csv"));
 * db.table("weather").exportTo(Path.of("weather.ndjson"));
 * db.table("weather_copy").importFrom(Path.of("weather.ndjson"));
 * }</pre>
 */
public final class Freeze {
    private Freeze() {}

    /** Writes the rows to {@code file} in the format its name says; returns how many rows. */
    public static long write(Result rows, Path file) {
        return write(rows, file, DataFormat.of(file));
    }

    /** Writes the rows to {@code file} (replacing it) in {@code format}; returns how many rows. */
    public static long write(Result rows, Path file, DataFormat format) {
        if (rows.columnNames().isEmpty()) {
            throw MallardException.Data.invalidArgument("there are no columns to write to " + file + " (a table that does not exist yet?)");
        }
        String options = switch (format) {
            case CSV -> "FORMAT csv, HEADER true";
            case JSON -> "FORMAT json, ARRAY true";
            case NDJSON -> "FORMAT json";
        };
        try (EmbeddedDatabase scratch = EmbeddedDatabase.inMemory()) {
            scratch.register("frozen", rows);
            return scratch.sql("COPY (SELECT * FROM frozen) TO " + literal(file) + " (" + options + ")").scalar(Long.class);
        }
    }

    /**
     * Reads the rows of {@code file} and hands them, as ordered maps, to {@code consumer} (which must
     * not keep the stream); returns what it returns.
     */
    static <T> T read(Path file, DataFormat format, java.util.function.Function<Stream<Map<String, Object>>, T> consumer) {
        if (!Files.isRegularFile(file)) throw MallardException.Data.invalidArgument("cannot import " + file + ": there is no such file");
        String reader = switch (format) {
            case CSV -> "read_csv(" + literal(file) + ", header = true)";
            case JSON, NDJSON -> "read_json(" + literal(file) + ")";
        };
        try (EmbeddedDatabase scratch = EmbeddedDatabase.inMemory();
             Stream<Map<String, Object>> rows = scratch.sql("SELECT * FROM " + reader).stream()) {
            return consumer.apply(rows.map(Freeze::withoutNulls));
        }
    }

    /**
     * A file row without its NULL fields: a column the file leaves empty must not decide a type or be
     * created by a NULL, as an insert of the same sparse row would not.
     */
    private static Map<String, Object> withoutNulls(Map<String, Object> row) {
        row.values().removeIf(java.util.Objects::isNull);
        return row;
    }

    private static String literal(Path file) {
        return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
