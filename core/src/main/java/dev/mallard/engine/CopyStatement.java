package dev.mallard.engine;

import dev.mallard.MallardException;
import dev.mallard.catalog.CatalogScript;
import dev.mallard.catalog.TableEntry;
import dev.mallard.function.table.FileFormats;
import dev.mallard.io.FormatWriter;
import dev.mallard.io.HivePartitions;
import dev.mallard.io.OutputFile;
import dev.mallard.io.ReadOptions;
import dev.mallard.planner.ModificationBinder;
import dev.mallard.planner.QueryBinder;
import dev.mallard.sql.parser.SqlParser;
import dev.mallard.sql.tree.Copy;
import dev.mallard.sql.tree.CopyDirection;
import dev.mallard.sql.tree.CopyOption;
import dev.mallard.sql.tree.Expression;
import dev.mallard.sql.tree.Identifier;
import dev.mallard.sql.tree.Insert;
import dev.mallard.sql.tree.Query;
import dev.mallard.sql.tree.RowConstructor;
import dev.mallard.sql.tree.SqlFormatter;
import dev.mallard.sql.tree.StringLiteral;
import dev.mallard.types.LogicalType;
import dev.mallard.types.Values;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * COPY: {@code COPY t FROM 'file' (options)} inserts what the file's reader reads (as
 * {@code INSERT INTO t SELECT * FROM read_x('file', options)}); {@code COPY t | (query) TO 'file'
 * (FORMAT csv | json | parquet, PARTITION_BY (cols), ...)} writes the rows, with PARTITION_BY
 * into a hive-style folder tree ({@code path/col=value/data_0.csv}).
 */
final class CopyStatement {
    /** Options COPY TO handles itself; the rest go to the format's writer. */
    private static final Set<String> TO_OPTIONS = Set.of("format", "partition_by", "overwrite", "overwrite_or_ignore",
            "file_extension", "write_partition_columns", "per_thread_output", "use_tmp_file", "filename_pattern");

    private final StatementExecutor statements;

    CopyStatement(StatementExecutor statements) {
        this.statements = statements;
    }

    /** COPY FROM changes rows; COPY TO only reads. */
    static boolean writesRows(Copy c) {
        return c.direction() == CopyDirection.FROM;
    }

    StatementResult run(Copy c, String sql, List<Values.Typed> params, Transaction tx) {
        Map<String, Object> options = options(c, sql);
        return c.direction() == CopyDirection.FROM ? copyFrom(c, options, sql, params, tx) : copyTo(c, options, sql, params);
    }

    private Map<String, Object> options(Copy c, String sql) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (CopyOption o : c.options()) {
            String name = o.name().value().toLowerCase(Locale.ROOT);
            out.put(name, o.value() == null ? Boolean.TRUE : value(o.value(), sql));
        }
        return out;
    }

    /** An option's value: a word or string as text, (a, b) as a list, other constants as their Java values. */
    private Object value(Expression e, String sql) {
        return switch (e) {
            case StringLiteral s -> s.value();
            case RowConstructor r -> {
                List<Object> items = new ArrayList<>();
                for (Expression item : r.items()) items.add(value(item, sql));
                yield items;
            }
            case dev.mallard.sql.tree.ColumnRef r -> r.name().last().value();
            default -> {
                var bound = new QueryBinder(statements.bindContext(sql, List.of())).bindExpression(e, List.of(), List.of(), List.of());
                Object v = dev.mallard.execution.expression.ExpressionEvaluator.evaluateConstant(bound);
                yield switch (bound.type().id()) {
                    case BOOLEAN, VARCHAR -> v;
                    case TINYINT, SMALLINT, INTEGER, BIGINT -> v == null ? null : ((Number) v).longValue();
                    default -> Values.toText(bound.type(), v);
                };
            }
        };
    }

    private static String format(Map<String, Object> options, String path) {
        Object f = options.get("format");
        if (f != null) return f.toString().toLowerCase(Locale.ROOT);
        String lower = path.toLowerCase(Locale.ROOT).replaceAll("\\.(gz|gzip|zst)$", "");
        if (lower.endsWith(".parquet")) return "parquet";
        if (lower.endsWith(".json") || lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) return "json";
        return "csv";
    }

    private StatementResult copyFrom(Copy c, Map<String, Object> options, String sql, List<Values.Typed> params, Transaction tx) {
        String format = format(options, c.path());
        StringBuilder text = new StringBuilder("INSERT INTO ").append(c.table());
        if (!c.columns().isEmpty()) {
            text.append(" (").append(String.join(", ", c.columns().stream().map(i -> CatalogScript.quote(i.value())).toList())).append(')');
        }
        text.append(" SELECT * FROM read_").append(format).append("('").append(c.path().replace("'", "''")).append('\'');
        for (CopyOption o : c.options()) {
            String name = o.name().value().toLowerCase(Locale.ROOT);
            if (name.equals("format")) continue;
            text.append(", ").append(CatalogScript.quote(name)).append(" = ")
                    .append(o.value() == null ? "true" : SqlFormatter.format(o.value()));
        }
        text.append(')');
        if (!FileFormats.isReadFunction("read_" + format)) {
            throw MallardException.Data.invalidArgument("COPY cannot read FORMAT " + format + "; use csv, json or parquet");
        }
        Insert insert = (Insert) SqlParser.parseOne(text.toString());
        return statements.modifications().insert(insert, text.toString(), params, tx);
    }

    private StatementResult copyTo(Copy c, Map<String, Object> options, String sql, List<Values.Typed> params) {
        Query query = c.query();
        if (query == null) {
            TableEntry t = new ModificationBinder(statements.bindContext(sql, params)).table(c.table());
            List<String> columns = c.columns().isEmpty() ? t.columnNames() : c.columns().stream().map(Identifier::value).toList();
            String select = "SELECT " + String.join(", ", columns.stream().map(CatalogScript::quote).toList()) + " FROM "
                    + CatalogScript.quote(t.schema()) + "." + CatalogScript.quote(t.name());
            query = (Query) SqlParser.parseOne(select);
        }
        String format = format(options, c.path());
        FormatWriter.Factory factory = FileFormats.writer(format);
        Map<String, Object> writerOptions = new LinkedHashMap<>(options);
        writerOptions.keySet().removeAll(TO_OPTIONS);
        ReadOptions forWriter = new ReadOptions(writerOptions);
        QueryBinder.Bound bound = new QueryBinder(statements.bindContext(sql, params)).bind(query);
        List<String> partitionBy = new ReadOptions(options).strings("partition_by");
        long rows = 0;
        try (QueryResult result = statements.run(bound.plan(), bound.names())) {
            List<String> names = result.columnNames();
            List<LogicalType> types = result.columnTypes();
            Path path = Path.of(c.path());
            if (partitionBy.isEmpty()) {
                OutputFile file = new OutputFile(path, compression(format, options, path));
                try (FormatWriter w = factory.create(file, names, types, forWriter)) {
                    for (DataChunk chunk; (chunk = result.next()) != null; ) {
                        w.write(chunk);
                        rows += chunk.count();
                    }
                } catch (RuntimeException e) {
                    deleteQuietly(path); // no half-written file stays behind
                    throw e;
                }
            } else {
                rows = writePartitioned(result, names, types, path, partitionBy, format, factory, options, forWriter);
            }
        }
        return new UpdateResult(rows);
    }

    private static OutputFile.Compression compression(String format, Map<String, Object> options, Path path) {
        if (format.equals("parquet")) return OutputFile.Compression.NONE; // pages are compressed inside
        Object o = options.get("compression");
        return OutputFile.textCompression(o == null ? null : o.toString(), path);
    }

    /** Rows grouped by the partition columns' values, one file per group: folder/col=value/.../data_0.ext. */
    private static long writePartitioned(QueryResult result, List<String> names, List<LogicalType> types, Path folder,
                                         List<String> partitionBy, String format, FormatWriter.Factory factory, Map<String, Object> options,
                                         ReadOptions forWriter) {
        int[] keys = new int[partitionBy.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = -1;
            for (int c = 0; c < names.size(); c++) if (names.get(c).equalsIgnoreCase(partitionBy.get(i))) keys[i] = c;
            if (keys[i] < 0) {
                throw MallardException.Catalog.undefinedColumn("PARTITION_BY column \"" + partitionBy.get(i) + "\" is not among "
                        + names);
            }
        }
        boolean keepKeys = new ReadOptions(options).bool("write_partition_columns", false);
        List<Integer> written = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            final int col = c;
            if (keepKeys || java.util.Arrays.stream(keys).noneMatch(k -> k == col)) written.add(c);
        }
        prepareFolder(folder, new ReadOptions(options));
        String extension = new ReadOptions(options).string("file_extension", format.equals("json") ? "json" : format);
        List<String> fileNames = written.stream().map(names::get).toList();
        List<LogicalType> fileTypes = written.stream().map(types::get).toList();
        Map<List<Object>, FormatWriter> writers = new HashMap<>();
        List<Path> created = new ArrayList<>();
        long rows = 0;
        try {
            for (DataChunk chunk; (chunk = result.next()) != null; ) {
                Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
                for (int k = 0; k < chunk.count(); k++) {
                    int row = chunk.position(k);
                    List<Object> key = new ArrayList<>(keys.length);
                    for (int col : keys) key.add(chunk.column(col).getObject(row));
                    groups.computeIfAbsent(key, x -> new ArrayList<>()).add(row);
                }
                for (var g : groups.entrySet()) {
                    FormatWriter w = writers.get(g.getKey());
                    if (w == null) {
                        Path dir = folder;
                        for (int i = 0; i < keys.length; i++) {
                            Object v = g.getKey().get(i);
                            String text = v == null ? "NULL" : Values.toText(types.get(keys[i]), v);
                            dir = dir.resolve(names.get(keys[i]) + "=" + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20"));
                        }
                        Path file = dir.resolve("data_0." + extension);
                        created.add(file);
                        w = factory.create(new OutputFile(file, compression(format, options, file)), fileNames, fileTypes, forWriter);
                        writers.put(g.getKey(), w);
                    }
                    int[] sel = g.getValue().stream().mapToInt(Integer::intValue).toArray();
                    Vector[] columns = new Vector[written.size()];
                    for (int i = 0; i < columns.length; i++) columns[i] = chunk.column(written.get(i));
                    w.write(new DataChunk(columns, sel.length, sel));
                    rows += sel.length;
                }
            }
        } catch (RuntimeException e) {
            for (FormatWriter w : writers.values()) {
                try {
                    w.close();
                } catch (RuntimeException ignored) {
                    // the first failure is the one to report
                }
            }
            for (Path p : created) deleteQuietly(p);
            throw e;
        }
        for (FormatWriter w : writers.values()) w.close();
        return rows;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: the error being reported matters more
        }
    }

    /** A partitioned COPY writes into a folder: an existing non-empty one only with OVERWRITE or OVERWRITE_OR_IGNORE. */
    private static void prepareFolder(Path folder, ReadOptions options) {
        try {
            if (Files.isRegularFile(folder)) {
                throw MallardException.Data.invalidArgument("COPY with PARTITION_BY writes a folder, but " + folder + " is a file");
            }
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                return;
            }
            boolean empty;
            try (Stream<Path> s = Files.list(folder)) {
                empty = s.findAny().isEmpty();
            }
            if (empty || options.bool("overwrite_or_ignore", false)) return;
            if (!options.bool("overwrite", false)) {
                throw MallardException.Data.invalidArgument("folder " + folder + " is not empty; add OVERWRITE to replace its"
                        + " contents or OVERWRITE_OR_IGNORE to write beside them");
            }
            try (Stream<Path> s = Files.walk(folder)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) if (!p.equals(folder)) Files.delete(p);
            }
        } catch (IOException e) {
            throw MallardException.Storage.io("cannot prepare folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
