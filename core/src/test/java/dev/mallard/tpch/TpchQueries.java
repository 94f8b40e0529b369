package dev.mallard.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The 22 TPC-H queries with the specification's validation parameters, in PostgreSQL/DuckDB
 * syntax: {@code core/src/test/resources/tpch/q01.sql} to {@code q22.sql}. (The tpch jar ships
 * query texts too, but in Presto's dialect, e.g. {@code date('1994-01-01')}.)
 */
public final class TpchQueries {

    public static final int COUNT = 22;

    private TpchQueries() {}

    public static String name(int query) {
        return String.format(Locale.ROOT, "q%02d", query);
    }

    public static String sql(int query) {
        String resource = "tpch/" + name(query) + ".sql";
        try (InputStream in = TpchQueries.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
