package dev.mallard.io.json;

import dev.mallard.MallardException;
import dev.mallard.io.ReadOptions;
import dev.mallard.planner.TypeResolver;
import dev.mallard.sql.tree.TypeName;
import dev.mallard.types.LogicalType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The options of read_json, checked once at bind time.
 *
 * @param records        TRUE: each value is an object whose keys are columns; FALSE: each value is
 *                       one row of a single column {@code json}; null: decided by the first value
 * @param columns        the columns and types given by the user (no detection), or null
 * @param maximumDepth   accepted for compatibility and checked, but without effect: values nested in
 *                       a record are always kept as JSON text (there is no STRUCT or LIST type to
 *                       detect them as), which is what DuckDB gives with maximum_depth = 1
 */
record JsonOptions(JsonLayout layout, Boolean records, long sampleSize, int maximumDepth, boolean ignoreErrors,
                   JsonTimeFormat dateFormat, JsonTimeFormat timestampFormat, Map<String, LogicalType> columns) {

    static final List<String> KNOWN = List.of("columns", "format", "records", "sample_size", "maximum_depth", "ignore_errors",
            "dateformat", "date_format", "timestampformat", "timestamp_format", "auto_detect", "compression",
            // handled by the scan of many files, which may pass them through
            "union_by_name", "filename", "hive_partitioning", "maximum_object_size");

    static final long DEFAULT_SAMPLE_SIZE = 20_480;

    static JsonOptions of(ReadOptions o, JsonLayout defaultLayout) {
        o.rejectUnknown(KNOWN, "read_json");
        JsonLayout layout = o.has("format") ? JsonLayout.of(o.string("format", null)) : defaultLayout;
        Boolean records = switch (o.string("records", "auto").trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw MallardException.Data.invalidArgument("option records takes 'auto', true or false, got '"
                    + o.get("records") + "'");
        };
        long sample = o.integer("sample_size", DEFAULT_SAMPLE_SIZE);
        if (sample == -1) sample = Long.MAX_VALUE; // DuckDB's spelling for "read the whole file"
        if (sample < 1) throw MallardException.Data.invalidArgument("option sample_size takes a positive number or -1, got " + sample);
        long depth = o.integer("maximum_depth", -1);
        if (depth < -1 || depth == 0) {
            throw MallardException.Data.invalidArgument("option maximum_depth takes a positive number or -1, got " + depth);
        }
        JsonTimeFormat date = JsonTimeFormat.of(o.has("dateformat") ? o.string("dateformat", null) : o.string("date_format", null),
                "dateformat");
        JsonTimeFormat ts = JsonTimeFormat.of(o.has("timestampformat") ? o.string("timestampformat", null)
                : o.string("timestamp_format", null), "timestampformat");
        Map<String, LogicalType> columns = null;
        if (o.has("columns")) {
            columns = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : o.map("columns").entrySet()) {
                if (e.getValue() == null) throw MallardException.Data.invalidArgument("column \"" + e.getKey() + "\" needs a type");
                columns.put(e.getKey(), typeOf(e.getValue()));
            }
            if (columns.isEmpty()) throw MallardException.Data.invalidArgument("option columns needs at least one column");
        } else if (!o.bool("auto_detect", true)) {
            throw MallardException.Data.invalidArgument("read_json with auto_detect = false needs the columns option");
        }
        return new JsonOptions(layout, records, sample, (int) Math.min(depth, Integer.MAX_VALUE), o.bool("ignore_errors", false),
                date, ts, columns);
    }

    /** A type as written in SQL: 'INTEGER', 'DECIMAL(10, 2)', 'VARCHAR'. */
    static LogicalType typeOf(String text) {
        String t = text.trim();
        int paren = t.indexOf('(');
        List<Integer> params = new ArrayList<>();
        String name = t;
        if (paren >= 0) {
            if (!t.endsWith(")")) throw MallardException.Data.invalidArgument("cannot read the type '" + text + "'");
            name = t.substring(0, paren).trim();
            for (String p : t.substring(paren + 1, t.length() - 1).split(",")) {
                try {
                    params.add(Integer.parseInt(p.trim()));
                } catch (NumberFormatException e) {
                    throw MallardException.Data.invalidArgument("cannot read the type '" + text + "'");
                }
            }
        }
        return TypeResolver.resolve(TypeName.of(name, params.toArray(Integer[]::new)));
    }
}
