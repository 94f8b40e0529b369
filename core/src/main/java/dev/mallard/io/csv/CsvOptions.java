package dev.mallard.io.csv;

import dev.mallard.io.TextDateFormat;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read_csv options, checked and typed. A field left null was not given: the sniffer decides
 * it. Options that name the same thing (delim / sep, types / dtypes / column_types, names /
 * column_names) are aliases.
 */
final class CsvOptions {
    static final List<String> KNOWN = List.of("delim", "sep", "delimiter", "quote", "escape", "header", "skip", "new_line",
            "columns", "types", "dtypes", "column_types", "names", "column_names", "nullstr", "null_str", "dateformat",
            "date_format", "timestampformat", "timestamp_format", "sample_size", "all_varchar", "auto_detect", "ignore_errors",
            "store_rejects", "rejects_table", "rejects_scan", "rejects_limit", "max_line_size", "decimal_separator",
            "normalize_names", "null_padding", "strict_mode", "allow_quoted_nulls", "encoding", "compression");

    Byte delimiter;
    Byte quote;
    Byte escape;
    Boolean header;
    Integer skip;
    String newLine;
    /** columns={...}: every column's name and type, no header names used. */
    Map<String, LogicalType> columns;
    List<LogicalType> typesByPosition;
    Map<String, LogicalType> typesByName;
    List<String> names;
    List<String> nullStrings = List.of("");
    boolean nullStringsGiven;
    TextDateFormat dateFormat;
    TextDateFormat timestampFormat;
    long sampleSize = 20_480;
    boolean allVarchar;
    boolean autoDetect = true;
    boolean ignoreErrors;
    boolean storeRejects;
    int maxLineSize = 2_000_000;
    byte decimalSeparator = '.';
    boolean normalizeNames;
    boolean nullPadding;
    boolean strict = true;
    boolean allowQuotedNulls = true;

    static CsvOptions parse(ReadOptions o) {
        o.rejectUnknown(KNOWN, "read_csv");
        CsvOptions c = new CsvOptions();
        String d = first(o, "delim", "sep", "delimiter");
        if (d != null) c.delimiter = oneByte(d, "delim", false);
        if (o.has("quote")) c.quote = oneByte(o.string("quote", ""), "quote", true);
        if (o.has("escape")) c.escape = oneByte(o.string("escape", ""), "escape", true);
        if (o.has("header")) c.header = o.bool("header", false);
        if (o.has("skip")) {
            long s = o.integer("skip", 0);
            if (s < 0 || s > Integer.MAX_VALUE) throw bad("skip takes a count of lines >= 0, got " + s);
            c.skip = (int) s;
        }
        if (o.has("new_line")) {
            String nl = o.string("new_line", "\n");
            c.newLine = switch (nl == null ? "" : nl.toLowerCase(Locale.ROOT)) {
                case "\n", "\\n", "lf" -> "\n";
                case "\r\n", "\\r\\n", "crlf" -> "\r\n";
                case "\r", "\\r", "cr" -> "\r";
                default -> throw bad("new_line takes '\\n', '\\r\\n' or '\\r', got '" + nl + "'");
            };
        }
        if (o.has("columns")) {
            c.columns = new LinkedHashMap<>();
            for (var e : o.map("columns").entrySet()) c.columns.put(e.getKey(), type(e.getValue(), e.getKey()));
            if (c.columns.isEmpty()) throw bad("columns needs at least one column");
        }
        String typesKey = o.has("types") ? "types" : o.has("dtypes") ? "dtypes" : o.has("column_types") ? "column_types" : null;
        if (typesKey != null) {
            Object v = o.get(typesKey);
            if (v instanceof Map<?, ?>) {
                c.typesByName = new LinkedHashMap<>();
                for (var e : o.map(typesKey).entrySet()) c.typesByName.put(e.getKey(), type(e.getValue(), e.getKey()));
            } else {
                c.typesByPosition = new ArrayList<>();
                for (String t : o.strings(typesKey)) c.typesByPosition.add(type(t, null));
            }
        }
        String namesKey = o.has("names") ? "names" : o.has("column_names") ? "column_names" : null;
        if (namesKey != null) c.names = o.strings(namesKey);
        String nullKey = o.has("nullstr") ? "nullstr" : o.has("null_str") ? "null_str" : null;
        if (nullKey != null) {
            c.nullStrings = o.strings(nullKey);
            c.nullStringsGiven = true;
        }
        String df = first(o, "dateformat", "date_format");
        if (df != null) c.dateFormat = TextDateFormat.of(df);
        String tf = first(o, "timestampformat", "timestamp_format");
        if (tf != null) c.timestampFormat = TextDateFormat.of(tf);
        if (o.has("sample_size")) {
            c.sampleSize = o.integer("sample_size", 20_480);
            if (c.sampleSize == 0 || c.sampleSize < -1) throw bad("sample_size takes a count of rows > 0, or -1 for the whole file");
        }
        c.allVarchar = o.bool("all_varchar", false);
        c.autoDetect = o.bool("auto_detect", true);
        c.ignoreErrors = o.bool("ignore_errors", false);
        c.storeRejects = o.bool("store_rejects", false) || o.has("rejects_table") || o.has("rejects_scan");
        if (o.has("max_line_size")) {
            long m = o.integer("max_line_size", 2_000_000);
            if (m < 1 || m > Integer.MAX_VALUE / 4) throw bad("max_line_size takes a byte count between 1 and " + Integer.MAX_VALUE / 4);
            c.maxLineSize = (int) m;
        }
        if (o.has("decimal_separator")) {
            String s = o.string("decimal_separator", ".");
            if (!".".equals(s) && !",".equals(s)) throw bad("decimal_separator takes '.' or ',', got '" + s + "'");
            c.decimalSeparator = (byte) s.charAt(0);
        }
        c.normalizeNames = o.bool("normalize_names", false);
        c.nullPadding = o.bool("null_padding", false);
        c.strict = o.bool("strict_mode", true);
        c.allowQuotedNulls = o.bool("allow_quoted_nulls", true);
        if (o.has("encoding")) {
            String enc = o.string("encoding", "utf-8");
            String e = enc == null ? "" : enc.toLowerCase(Locale.ROOT).replace("-", "");
            if (!e.equals("utf8")) throw bad("encoding '" + enc + "' is not supported: CSV files are read as UTF-8");
        }
        if (c.delimiter != null && c.quote != null && c.delimiter.equals(c.quote) && c.quote != 0) {
            throw bad("the delimiter and the quote cannot be the same character '" + (char) (byte) c.delimiter + "'");
        }
        return c;
    }

    private static String first(ReadOptions o, String... keys) {
        for (String k : keys) if (o.has(k)) return o.string(k, null);
        return null;
    }

    /** A one-character option; "\t" as written in SQL (backslash, t) means a tab. */
    private static byte oneByte(String v, String option, boolean emptyAllowed) {
        if (v == null || v.isEmpty()) {
            if (emptyAllowed) return 0;
            throw bad(option + " cannot be empty");
        }
        String s = switch (v) {
            case "\\t" -> "\t";
            case "\\0" -> "";
            default -> v;
        };
        if (s.isEmpty()) return 0;
        if (s.length() != 1 || s.charAt(0) > 127 || s.charAt(0) == '\n' || s.charAt(0) == '\r') {
            throw bad(option + " takes one ASCII character other than a newline, got '" + v + "'");
        }
        return (byte) s.charAt(0);
    }

    private static final Pattern TYPE = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_ ]*?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*");

    /** A type as written in an option ('BIGINT', 'DECIMAL(10,2)', 'double precision'). */
    static LogicalType type(String text, String column) {
        Matcher m = text == null ? null : TYPE.matcher(text);
        if (m == null || !m.matches()) {
            throw bad("'" + text + "' is not a type" + (column == null ? "" : " (column \"" + column + "\")"));
        }
        List<Integer> params = new ArrayList<>();
        if (m.group(2) != null) params.add(Integer.parseInt(m.group(2)));
        if (m.group(3) != null) params.add(Integer.parseInt(m.group(3)));
        String name = m.group(1).trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        return TypeResolver.resolve(new TypeName(dev.mallard.sql.tree.Position.UNKNOWN, name, params, 0));
    }

    static MallardException bad(String message) {
        return MallardException.Data.invalidArgument("read_csv: " + message);
    }

    /** Whether bad rows are skipped rather than fatal. */
    boolean lenient() {
        return ignoreErrors || storeRejects;
    }
}
