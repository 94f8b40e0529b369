package dev.mallard.io.json;

import dev.mallard.MallardException;
import dev.mallard.io.FileInput;
import dev.mallard.io.FormatScan;
import dev.mallard.io.Rejects;
import dev.mallard.storage.TableFilter;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One bound JSON file: the columns found in its sample (or given by the user), and readers that
 * parse it again. JSON in general cannot be cut at arbitrary bytes (a pretty-printed record spans
 * lines), so a file is one split, except a plain newline-delimited file: there every record ends
 * on its line, so it is cut into byte ranges and each range reads the records on the lines that
 * start in it.
 */
final class JsonScan implements FormatScan {
    private final FileInput file;
    private final JsonOptions options;
    private final List<String> names;
    /** The JSON key of each column: its name, unless that name was taken (SQL names ignore case, JSON keys do not). */
    private final List<String> keys;
    private final List<LogicalType> types;
    /** Whether rows are the keys of objects (true) or whole values in one column named json (false). */
    private final boolean records;
    private final long estimatedRows;

    private JsonScan(FileInput file, JsonOptions options, List<String> keys, List<String> names, List<LogicalType> types,
                     boolean records, long estimatedRows) {
        this.file = file;
        this.options = options;
        this.keys = List.copyOf(keys);
        this.names = List.copyOf(names);
        this.types = List.copyOf(types);
        this.records = records;
        this.estimatedRows = estimatedRows;
    }

    /** Binds {@code file}: the schema of {@code like} when given, else the user's columns, else a sample's. */
    static JsonScan bind(FileInput file, JsonOptions options, FormatScan like) {
        if (like != null) {
            boolean records = !(like instanceof JsonScan js) || js.records;
            List<String> keys = like instanceof JsonScan js ? js.keys : like.names();
            return new JsonScan(file, options, keys, like.names(), like.types(), records, -1);
        }
        if (options.columns() != null) {
            List<String> keys = new ArrayList<>(options.columns().keySet());
            return new JsonScan(file, options, keys, keys, new ArrayList<>(options.columns().values()), options.records() != Boolean.FALSE, -1);
        }
        return sample(file, options);
    }

    /** Reads up to sample_size values and takes each key's narrowest type over them. */
    private static JsonScan sample(FileInput file, JsonOptions options) {
        Map<String, JsonTypeGuess> keys = new LinkedHashMap<>();
        JsonTypeGuess whole = new JsonTypeGuess(options.dateFormat(), options.timestampFormat());
        Boolean records = options.records();
        long count = 0;
        boolean complete = false;
        long lastOffset = 0;
        try (JsonTokenizer tok = new JsonTokenizer(file, file.open(), options.layout())) {
            while (count < options.sampleSize()) {
                Object v;
                try {
                    v = tok.next();
                } catch (MallardException.Data e) {
                    if (options.ignoreErrors() && tok.recover()) continue;
                    throw e;
                }
                if (v == JsonTokenizer.END) {
                    complete = true;
                    break;
                }
                if (records == null) records = v instanceof JsonRecord;
                if (records) {
                    if (!(v instanceof JsonRecord r)) {
                        if (options.ignoreErrors()) continue;
                        throw notAnObject(file, tok.valueLine(), v);
                    }
                    for (int i = 0; i < r.keys().size(); i++) {
                        keys.computeIfAbsent(r.keys().get(i), k -> new JsonTypeGuess(options.dateFormat(), options.timestampFormat()))
                                .add(r.values().get(i));
                    }
                } else {
                    whole.add(v instanceof JsonRecord r ? new JsonNested(r.toJson()) : v);
                }
                lastOffset = tok.valueOffset();
                count++;
            }
        }
        List<String> names = new ArrayList<>();
        List<String> columnKeys = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        if (records == null || !records) {
            names.add("json");
            columnKeys.add("json");
            types.add(whole.type());
        } else {
            java.util.Set<String> taken = new java.util.HashSet<>();
            keys.forEach((k, g) -> {
                // "a" and "A" are two JSON keys but one SQL name: the later one becomes A_1, as in DuckDB.
                String name = k;
                for (int n = 1; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); n++) name = k + "_" + n;
                names.add(name);
                columnKeys.add(k);
                types.add(g.type());
            });
            if (names.isEmpty()) {
                throw MallardException.Data.invalidArgument("read_json found no keys in the records of " + file.name()
                        + " to make columns of; give them with columns = {'name': 'TYPE', ...}");
            }
        }
        long estimate = complete ? count
                : file.compression() == FileInput.Compression.NONE && count > 0 && lastOffset > 0
                ? Math.round((double) file.size() * count / lastOffset) : -1;
        return new JsonScan(file, options, columnKeys, names, types, records == null || records, estimate);
    }

    static MallardException notAnObject(FileInput file, long line, Object v) {
        return MallardException.Data.invalidText("malformed JSON in " + file.name() + " at line " + line
                + ": expected a JSON object (records = true), found " + JsonValues.toJson(v));
    }

    @Override
    public FileInput file() {
        return file;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public List<LogicalType> types() {
        return types;
    }

    @Override
    public long estimatedRows() {
        return estimatedRows;
    }

    /** Pieces smaller than this are not worth a thread: parsing 1 MiB takes a few milliseconds. */
    static final long MIN_SPLIT_BYTES = 1 << 20;

    @Override
    public List<Split> splits(int threads, List<TableFilter> filters) {
        return splits(threads, MIN_SPLIT_BYTES);
    }

    /** The file in up to {@code threads} byte ranges of at least {@code minBytes}. */
    List<Split> splits(int threads, long minBytes) {
        long size = file.size();
        long pieces = Math.min(threads, size / Math.max(1, minBytes));
        if (options.layout() != JsonLayout.NEWLINE_DELIMITED || file.compression() != FileInput.Compression.NONE || pieces < 2) {
            return List.of(new Split(0, 0, size));
        }
        List<Split> splits = new ArrayList<>();
        for (int i = 0; i < pieces; i++) splits.add(new Split(i, size * i / pieces, size * (i + 1) / pieces));
        return splits;
    }

    @Override
    public RowReader open(Split split, int[] columns, List<TableFilter> filters, Rejects rejects) {
        return new Reader(split, columns, rejects);
    }

    /** A tokenizer over {@code split}: the whole stream (decompressed) from 0, or a plain file's bytes from the piece's start. */
    private JsonTokenizer tokenizer(Split split) {
        if (split.start() == 0) return new JsonTokenizer(file, file.open(), options.layout());
        // One byte early, so a piece starting right after a line break reads that line.
        long from = split.start() - 1;
        java.nio.channels.FileChannel channel = file.channel();
        try {
            channel.position(from);
        } catch (java.io.IOException e) {
            try {
                channel.close();
            } catch (java.io.IOException ignored) {
                // the position error is the one to report
            }
            throw file.error("cannot read", e);
        }
        return new JsonTokenizer(file, java.nio.channels.Channels.newInputStream(channel), options.layout(), from,
                () -> linesBefore(from));
    }

    /** Line breaks in the first {@code end} bytes: what a piece starting there adds to its line numbers. */
    private long linesBefore(long end) {
        long lines = 0;
        try (java.io.InputStream in = file.open()) {
            byte[] buf = new byte[1 << 16];
            long left = end;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) break;
                for (int i = 0; i < n; i++) if (buf[i] == '\n') lines++;
                left -= n;
            }
        } catch (java.io.IOException e) {
            throw file.error("cannot read", e);
        }
        return lines;
    }

    /** Parses a split and fills the requested columns, record by record. */
    private final class Reader implements RowReader {
        private final JsonTokenizer tok;
        /** Records on lines starting at or after this offset belong to the next split. */
        private final long end;
        private final int[] columns;
        /** Output position of each column of the file's schema, by key; absent keys are not read. */
        private final Map<String, Integer> outputOf = new HashMap<>();
        private final Rejects rejects;
        private final boolean skipBad;
        private boolean done;

        Reader(Split split, int[] columns, Rejects rejects) {
            this.end = split.start() == 0 && split.end() >= file.size() ? Long.MAX_VALUE : split.end();
            this.columns = columns;
            this.rejects = rejects;
            this.skipBad = options.ignoreErrors() || rejects.accepts();
            for (int i = 0; i < columns.length; i++) outputOf.put(keys.get(columns[i]), i);
            this.tok = tokenizer(split);
        }

        @Override
        public boolean next(DataChunk out) {
            if (done) return false;
            int capacity = out.columnCount() == 0 ? Vector.DEFAULT_CAPACITY : out.column(0).capacity();
            int n = 0;
            while (n < capacity) {
                Object v;
                try {
                    v = tok.next();
                } catch (MallardException.Data e) {
                    if (tok.valueLineStart() >= end) {
                        done = true; // the next split's record: it reports the error
                        break;
                    }
                    if (skipBad && tok.recover()) {
                        reject(-1, null, "MALFORMED_JSON", "", e.getMessage());
                        continue;
                    }
                    throw e;
                }
                if (v == JsonTokenizer.END || tok.valueLineStart() >= end) {
                    done = true;
                    break;
                }
                if (fill(out, n, v)) n++;
            }
            out.setCount(n);
            return n > 0;
        }

        /** Writes one value as row {@code row}; false when the row was rejected. */
        private boolean fill(DataChunk out, int row, Object v) {
            for (int c = 0; c < columns.length; c++) out.column(c).setNull(row);
            if (!records) {
                if (columns.length == 0) return true;
                Object value = v instanceof JsonRecord r ? new JsonNested(r.toJson()) : v;
                return write(out.column(0), row, "json", value, v);
            }
            if (!(v instanceof JsonRecord r)) {
                MallardException e = notAnObject(file, tok.valueLine(), v);
                if (!skipBad) throw e;
                reject(-1, null, "NOT_AN_OBJECT", JsonValues.toJson(v), e.getMessage());
                return false;
            }
            List<String> keys = r.keys();
            for (int i = 0; i < keys.size(); i++) {
                Integer c = outputOf.get(keys.get(i));
                if (c != null && !write(out.column(c), row, keys.get(i), r.values().get(i), r)) return false;
            }
            return true;
        }

        private boolean write(Vector vector, int row, String key, Object value, Object whole) {
            if (JsonValues.write(vector, row, value, options.dateFormat(), options.timestampFormat())) return true;
            String message = "could not convert JSON value " + JsonValues.toJson(value) + " of key \"" + key + "\" to "
                    + vector.type() + " in " + file.name() + " at line " + tok.valueLine()
                    + " (columns = {...} sets the type; ignore_errors = true skips such records)";
            if (!skipBad) throw MallardException.Data.conversion(message);
            int column = keys.indexOf(key) + 1;
            reject(column, key, "CAST", whole instanceof JsonRecord r ? r.toJson() : JsonValues.toJson(whole), message);
            return false;
        }

        private void reject(int column, String key, String type, String raw, String message) {
            if (rejects.accepts()) rejects.reject(file, tok.valueLine(), tok.valueOffset(), column, key, type, raw, message);
        }

        @Override
        public void close() {
            tok.close();
        }
    }
}
