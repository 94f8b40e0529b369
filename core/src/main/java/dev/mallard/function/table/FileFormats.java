package dev.mallard.function.table;

import dev.mallard.MallardException;
import dev.mallard.io.FileFormat;
import dev.mallard.io.FileGlob;
import dev.mallard.io.FileInput;
import dev.mallard.io.ReadOptions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The readers of file formats, by format name and by file extension, and the SQL functions that
 * read files ({@code read_csv}, {@code read_json}, {@code read_parquet} and their aliases).
 * {@code FROM 'file'} picks the reader by the file's extension, looking through {@code .gz}.
 */
public final class FileFormats {
    private static final Map<String, FileFormat> BY_NAME = new ConcurrentHashMap<>();
    private static final Map<String, String> BY_EXTENSION = new ConcurrentHashMap<>();
    /** Read functions: name → format name and the options the name implies. */
    private static final Map<String, Map.Entry<String, Map<String, Object>>> FUNCTIONS = new ConcurrentHashMap<>();

    private static final Map<String, dev.mallard.io.FormatWriter.Factory> WRITERS = new ConcurrentHashMap<>();

    static {
        WRITERS.put("csv", dev.mallard.io.csv.CsvWriter::create);
        WRITERS.put("json", dev.mallard.io.json.JsonWriter::create);
        WRITERS.put("parquet", FileFormats::parquetWriter);
        register(dev.mallard.io.parquet.ParquetFormat.INSTANCE, List.of("parquet", "parq"), Map.of(
                "read_parquet", Map.of(), "parquet_scan", Map.of()));
        register(dev.mallard.io.csv.CsvFormat.INSTANCE, List.of("csv", "tsv", "tab"), Map.of(
                "read_csv", Map.of(), "read_csv_auto", Map.of()));
        register(dev.mallard.io.json.JsonFormat.auto(), List.of("json", "jsonl", "ndjson"), Map.of(
                "read_json", Map.of(), "read_json_auto", Map.of(),
                "read_ndjson", Map.of("format", "newline_delimited"), "read_ndjson_auto", Map.of("format", "newline_delimited")));
    }

    private FileFormats() {}

    private static dev.mallard.io.FormatWriter parquetWriter(dev.mallard.io.OutputFile file, List<String> names,
                                                            List<dev.mallard.types.LogicalType> types, ReadOptions options) {
        options.rejectUnknown(List.of("compression", "codec", "row_group_size", "row_group_size_bytes"), "COPY ... (FORMAT parquet)");
        java.nio.file.Path parent = file.path().toAbsolutePath().getParent();
        try {
            if (parent != null) java.nio.file.Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw file.error(e);
        }
        var writer = new dev.mallard.io.parquet.ParquetWriter(file.path(), names, types, dev.mallard.io.parquet.ParquetWriter.Options.from(options));
        return new dev.mallard.io.FormatWriter() {
            @Override
            public void write(dev.mallard.vector.DataChunk chunk) {
                writer.write(chunk);
            }

            @Override
            public void close() {
                writer.close();
            }
        };
    }

    /** The writer of a format for COPY ... TO. */
    public static dev.mallard.io.FormatWriter.Factory writer(String format) {
        var w = WRITERS.get(format.toLowerCase(Locale.ROOT));
        if (w == null) {
            throw MallardException.Data.invalidArgument("COPY cannot write FORMAT " + format + "; use "
                    + String.join(", ", new java.util.TreeSet<>(WRITERS.keySet())));
        }
        return w;
    }

    /** Makes a format readable by name and by {@code extensions} (without the dot). */
    public static void register(FileFormat format, List<String> extensions, Map<String, Map<String, Object>> functions) {
        BY_NAME.put(format.name(), format);
        for (String e : extensions) BY_EXTENSION.put(e.toLowerCase(Locale.ROOT), format.name());
        functions.forEach((fn, options) -> FUNCTIONS.put(fn, Map.entry(format.name(), options)));
    }

    /** Whether {@code name} is a function that reads files. */
    public static boolean isReadFunction(String name) {
        return FUNCTIONS.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** A read function over {@code paths} (names or globs) with its named options. */
    public static FileScan readFunction(String name, List<String> paths, ReadOptions options,
                                        java.util.function.Function<List<String>, dev.mallard.io.Rejects> rejectsFor) {
        var fn = FUNCTIONS.get(name.toLowerCase(Locale.ROOT));
        ReadOptions all = options;
        for (var implied : fn.getValue().entrySet()) if (!all.has(implied.getKey())) all = all.with(implied.getKey(), implied.getValue());
        return scan(name.toLowerCase(Locale.ROOT), BY_NAME.get(fn.getKey()), paths, all, rejectsFor);
    }

    /**
     * sniff_csv('file', options): what the CSV sniffer finds, as one row (DuckDB's columns; the
     * column list as text, Mallard having no STRUCT type yet).
     */
    public static BoundTableFunction sniffCsv(String path, ReadOptions options, String userArguments) {
        List<FileInput> files = FileGlob.expand(path);
        dev.mallard.io.csv.CsvSniffResult r = dev.mallard.io.csv.CsvFormat.sniff(files.get(0), options);
        StringBuilder columns = new StringBuilder("[");
        for (int i = 0; i < r.names().size(); i++) {
            if (i > 0) columns.append(", ");
            columns.append("{'name': '").append(r.names().get(i).replace("'", "''")).append("', 'type': '").append(r.types().get(i)).append("'}");
        }
        columns.append(']');
        List<String> names = List.of("Delimiter", "Quote", "Escape", "NewLineDelimiter", "SkipRows", "HasHeader", "Columns",
                "DateFormat", "TimestampFormat", "UserArguments", "Prompt");
        dev.mallard.types.LogicalType text = dev.mallard.types.LogicalType.VARCHAR;
        List<dev.mallard.types.LogicalType> types = List.of(text, text, text, text, dev.mallard.types.LogicalType.BIGINT,
                dev.mallard.types.LogicalType.BOOLEAN, text, text, text, text, text);
        Object[] row = {r.delimiter(), r.quote(), r.escape(), r.newLine(), (long) r.skipRows(), r.hasHeader(), columns.toString(),
            r.dateFormat(), r.timestampFormat(), userArguments, r.prompt()};
        return new RowsFunction("sniff_csv", names, types, List.<Object[]>of(row));
    }

    /** {@code FROM 'path'}: the format from the file's extension. */
    public static FileScan fromPath(String path) {
        FileFormat format = byExtension(path);
        return scan("read_" + format.name(), format, List.of(path), ReadOptions.none(), null);
    }

    private static FileScan scan(String function, FileFormat format, List<String> paths, ReadOptions options,
                                 java.util.function.Function<List<String>, dev.mallard.io.Rejects> rejectsFor) {
        if (paths.isEmpty()) throw MallardException.Data.invalidArgument(function + " needs at least one file name");
        List<FileInput> inputs = FileGlob.expand(paths);
        return FileScan.bind(function, format, inputs, options, rejectsFor);
    }

    /**
     * Whether {@code FROM 'path'} can tell the format of {@code path} from its name; the relational
     * API uses it to take {@code db.from("trips.parquet")} for a file rather than a table name.
     */
    public static boolean hasKnownExtension(String path) {
        return formatNameOf(path) != null;
    }

    private static FileFormat byExtension(String path) {
        String name = formatNameOf(path);
        if (name == null) {
            throw MallardException.Data.invalidArgument("cannot tell the format of '" + path + "' from its name"
                    + "; read it with read_csv('" + path + "'), read_json(...) or read_parquet(...)");
        }
        return BY_NAME.get(name);
    }

    /** The format's name by the file's extension (looking through .gz and .zip), or null. */
    private static String formatNameOf(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (String outer : List.of(".gz", ".gzip", ".zip")) {
            if (lower.endsWith(outer)) lower = lower.substring(0, lower.length() - outer.length());
        }
        int member = lower.lastIndexOf(".zip/");
        if (member >= 0) lower = lower.substring(member + 5);
        int dot = lower.lastIndexOf('.');
        int slash = Math.max(lower.lastIndexOf('/'), lower.lastIndexOf('\\'));
        String ext = dot > slash ? lower.substring(dot + 1) : "";
        return BY_EXTENSION.get(ext);
    }
}
