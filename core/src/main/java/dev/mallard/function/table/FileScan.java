package dev.mallard.function.table;

import dev.mallard.MallardException;
import dev.mallard.function.ScalarKernel;
import dev.mallard.function.cast.CastFunctions;
import dev.mallard.io.FileFormat;
import dev.mallard.io.FileInput;
import dev.mallard.io.FormatScan;
import dev.mallard.io.HivePartitions;
import dev.mallard.io.ReadOptions;
import dev.mallard.io.Rejects;
import dev.mallard.storage.TableFilter;
import dev.mallard.storage.ZoneMap;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A scan of one or more files of one format ({@code read_csv('data/*.csv.gz')},
 * {@code FROM 'lake/**}{@code /*.parquet'}): the files' columns, then hive partition columns
 * from the folders, then the file name when asked for. The first file is bound at plan time (its
 * schema is the scan's); the others when a thread reaches them, so files that partition filters
 * rule out are never opened. With {@code union_by_name} every file is bound up front and columns
 * are matched by name, a column missing from a file reading as NULL.
 */
public final class FileScan implements ParallelTableFunction {
    /** Where an output column's values come from. */
    private sealed interface Origin permits FromFile, FromPartition, FromFilename {}

    private record FromFile(int column) implements Origin {}

    private record FromPartition(int key) implements Origin {}

    private record FromFilename() implements Origin {}

    /** What every projection of one scan shares. */
    private record Files(String function, FileFormat format, ReadOptions options, List<FileInput> inputs, List<FormatScan> bound,
                         List<String> fileNames, List<LogicalType> fileTypes, HivePartitions partitions, Rejects rejects) {}

    private final Files files;
    private final List<String> names;
    private final List<LogicalType> types;
    private final List<Origin> origins;

    private FileScan(Files files, List<String> names, List<LogicalType> types, List<Origin> origins) {
        this.files = files;
        this.names = List.copyOf(names);
        this.types = List.copyOf(types);
        this.origins = List.copyOf(origins);
    }

    /** Options this class takes itself; the rest go to the format. */
    public static final Set<String> SCAN_OPTIONS = Set.of("filename", "union_by_name", "hive_partitioning", "hive_types",
            "hive_types_autocast", "rejects_table", "rejects_scan", "rejects_limit", "store_rejects");

    /** Binds a scan of {@code inputs} (in order, at least one) read by {@code format}. */
    public static FileScan bind(String function, FileFormat format, List<FileInput> inputs, ReadOptions all,
                                java.util.function.Function<List<String>, Rejects> rejectsFor) {
        Rejects rejects = rejectsFor == null ? Rejects.NONE
                : rejectsFor.apply(inputs.stream().map(FileInput::name).toList()).limitedTo(all.integer("rejects_limit", 0));
        ReadOptions options = all.without(SCAN_OPTIONS);
        boolean unionByName = all.bool("union_by_name", false);
        List<FormatScan> bound = new ArrayList<>();
        FormatScan first = format.bind(inputs.get(0), options, null);
        bound.add(first);
        List<String> fileNames = new ArrayList<>(first.names());
        List<LogicalType> fileTypes = new ArrayList<>(first.types());
        if (unionByName) {
            for (int i = 1; i < inputs.size(); i++) {
                FormatScan s = format.bind(inputs.get(i), options, null);
                bound.add(s);
                for (int c = 0; c < s.names().size(); c++) {
                    int at = indexOf(fileNames, s.names().get(c));
                    if (at < 0) {
                        fileNames.add(s.names().get(c));
                        fileTypes.add(s.types().get(c));
                    } else {
                        fileTypes.set(at, widen(fileTypes.get(at), s.types().get(c)));
                    }
                }
            }
        } else {
            for (int i = 1; i < inputs.size(); i++) bound.add(null);
        }
        String hive = all.string("hive_partitioning", "auto").toLowerCase(Locale.ROOT);
        boolean partitioned = switch (hive) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            case "auto" -> HivePartitions.present(inputs.get(0).name());
            default -> throw MallardException.Data.invalidArgument("hive_partitioning takes true, false or auto, got '" + hive + "'");
        };
        HivePartitions partitions = partitioned ? HivePartitions.of(inputs, all.map("hive_types")) : null;
        Files files = new Files(function, format, options, List.copyOf(inputs), bound, fileNames, fileTypes, partitions, rejects);

        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        List<Origin> origins = new ArrayList<>();
        for (int c = 0; c < fileNames.size(); c++) {
            names.add(fileNames.get(c));
            types.add(fileTypes.get(c));
            origins.add(new FromFile(c));
        }
        if (partitions != null) {
            for (int k = 0; k < partitions.keys().size(); k++) {
                String key = partitions.keys().get(k);
                int same = indexOf(names, key);
                if (same >= 0) { // the files hold the column too: the folder's value wins, as in DuckDB
                    names.remove(same);
                    types.remove(same);
                    origins.remove(same);
                }
                names.add(key);
                types.add(partitions.types().get(k));
                origins.add(new FromPartition(k));
            }
        }
        Object filename = all.get("filename");
        if (filename != null && !Boolean.FALSE.equals(filename) && !"false".equalsIgnoreCase(filename.toString())) {
            String column = filename instanceof Boolean || "true".equalsIgnoreCase(filename.toString()) ? "filename" : filename.toString();
            if (indexOf(names, column) >= 0) {
                throw MallardException.Data.invalidArgument("the files already have a column \"" + column
                        + "\"; name the file name column otherwise, as filename = 'source_file'");
            }
            names.add(column);
            types.add(LogicalType.VARCHAR);
            origins.add(new FromFilename());
        }
        return new FileScan(files, names, types, origins);
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    private static int indexOf(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) if (names.get(i).equalsIgnoreCase(name)) return i;
        return -1;
    }

    /** The type two files' columns of one name are read as: the wider number, else text. */
    private static LogicalType widen(LogicalType a, LogicalType b) {
        if (a.equals(b) || b.id() == TypeId.NULL) return a;
        if (a.id() == TypeId.NULL) return b;
        LogicalType common = CastFunctions.commonSuperType(a, b);
        return common == null ? LogicalType.VARCHAR : common;
    }

    @Override
    public String name() {
        int n = files.inputs().size();
        return files.function() + "(" + (n == 1 ? files.inputs().get(0).name() : n + " files") + ")";
    }

    @Override
    public List<String> columnNames() {
        return names;
    }

    @Override
    public List<LogicalType> columnTypes() {
        return types;
    }

    @Override
    public long estimatedRows() {
        long first = files.bound().get(0).estimatedRows();
        return first < 0 ? -1 : first * files.inputs().size();
    }

    @Override
    public ParallelTableFunction project(int[] columns) {
        List<String> n = new ArrayList<>();
        List<LogicalType> t = new ArrayList<>();
        List<Origin> o = new ArrayList<>();
        for (int c : columns) {
            n.add(names.get(c));
            t.add(types.get(c));
            o.add(origins.get(c));
        }
        return new FileScan(files, n, t, o);
    }

    @Override
    public Source start(int threads, List<TableFilter> filters) {
        // Partition filters decide which files are opened at all; the others go to the format.
        List<TableFilter> onFiles = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int f = 0; f < files.inputs().size(); f++) {
            boolean keep = true;
            for (TableFilter filter : filters) {
                if (origins.get(filter.column()) instanceof FromPartition p) {
                    Object value = files.partitions().values().get(f)[p.key()];
                    LogicalType type = files.partitions().types().get(p.key());
                    if (!filter.mayMatch(ZoneMap.ofValue(type.physicalType(), value))) keep = false;
                }
            }
            if (keep) kept.add(f);
        }
        for (TableFilter filter : filters) {
            if (origins.get(filter.column()) instanceof FromFile ff) onFiles.add(retarget(filter, ff.column()));
        }
        return new FileSource(kept, threads, onFiles);
    }

    /** The filter on the unified file column {@code column} (the format maps it to its own index). */
    private static TableFilter retarget(TableFilter f, int column) {
        return switch (f) {
            case TableFilter.Comparison c -> new TableFilter.Comparison(column, c.outcomes(), c.constant());
            case TableFilter.InList in -> new TableFilter.InList(column, in.constants());
            case TableFilter.NullTest n -> new TableFilter.NullTest(column, n.negated());
        };
    }

    /** Hands out the pieces of the kept files in order, binding each file when its turn comes. */
    private final class FileSource implements Source {
        private final List<Integer> kept;
        private final int threads;
        private final List<TableFilter> unifiedFilters;
        private final ArrayDeque<FormatScan.Split> splits = new ArrayDeque<>();
        private final Set<FormatScan.RowReader> open = new HashSet<>();
        private int nextFile;
        private FormatScan current;
        private int[] currentColumns;
        private int[] currentTarget;
        private List<TableFilter> currentFilters;
        private int currentIndex = -1;
        private long ordinal;
        private boolean closed;

        FileSource(List<Integer> kept, int threads, List<TableFilter> unifiedFilters) {
            this.kept = kept;
            this.threads = threads;
            this.unifiedFilters = unifiedFilters;
        }

        @Override
        public synchronized Piece next() {
            if (closed) return null;
            while (splits.isEmpty()) {
                if (nextFile >= kept.size()) return null;
                openFile(kept.get(nextFile++));
            }
            FormatScan.Split split = splits.poll();
            FormatScan.RowReader reader = current.open(split, currentColumns, currentFilters, files.rejects());
            open.add(reader);
            return new Piece(ordinal++, new PieceReader(reader, current, currentColumns, currentTarget, currentIndex));
        }

        private void openFile(int f) {
            FormatScan scan = files.bound().get(f);
            if (scan == null) {
                scan = files.format().bind(files.inputs().get(f), files.options(), files.bound().get(0));
                if (!lower(scan.names()).equals(lower(files.bound().get(0).names()))) {
                    throw MallardException.Data.invalidArgument(files.inputs().get(f).name() + " has " + scan.names().size()
                            + " columns " + scan.names() + " but " + files.inputs().get(0).name() + " has " + files.fileNames().size()
                            + " " + files.fileNames() + "; read them with union_by_name = true to match columns by name");
                }
            }
            // which of this file's columns the output needs (at least one, for the row count)
            List<Integer> columns = new ArrayList<>();
            int[] target = new int[origins.size()];
            java.util.Arrays.fill(target, -1);
            for (int o = 0; o < origins.size(); o++) {
                if (origins.get(o) instanceof FromFile ff) {
                    int local = indexOf(scan.names(), files.fileNames().get(ff.column()));
                    if (local < 0) continue; // union_by_name: not in this file, NULL
                    int at = columns.indexOf(local);
                    if (at < 0) {
                        at = columns.size();
                        columns.add(local);
                    }
                    target[o] = at;
                }
            }
            if (columns.isEmpty()) columns.add(0);
            List<TableFilter> local = new ArrayList<>();
            for (TableFilter filter : unifiedFilters) {
                int c = indexOf(scan.names(), files.fileNames().get(filter.column()));
                if (c >= 0 && scan.types().get(c).equals(files.fileTypes().get(filter.column()))) local.add(retarget(filter, c));
            }
            current = scan;
            currentIndex = f;
            currentColumns = columns.stream().mapToInt(Integer::intValue).toArray();
            currentTarget = target;
            currentFilters = local;
            splits.addAll(scan.splits(threads, local));
        }

        synchronized void done(FormatScan.RowReader reader) {
            open.remove(reader);
        }

        @Override
        public synchronized void close() {
            closed = true;
            for (FormatScan.RowReader r : open) {
                try {
                    r.close();
                } catch (RuntimeException ignored) {
                    // closing after an error: the first error is the one to report
                }
            }
            open.clear();
        }

        /** Turns a file's chunks into the scan's: its columns, cast where files differ, constants for partitions and names. */
        private final class PieceReader implements Reader {
            private final FormatScan.RowReader reader;
            private final int[] target;
            private final int file;
            private final DataChunk in;
            private final ScalarKernel[] casts;

            PieceReader(FormatScan.RowReader reader, FormatScan scan, int[] columns, int[] target, int file) {
                this.reader = reader;
                this.target = target;
                this.file = file;
                List<LogicalType> inTypes = new ArrayList<>();
                for (int c : columns) inTypes.add(scan.types().get(c));
                this.in = new DataChunk(inTypes);
                this.casts = new ScalarKernel[origins.size()];
                for (int o = 0; o < origins.size(); o++) {
                    if (target[o] >= 0 && !inTypes.get(target[o]).equals(types.get(o))) {
                        casts[o] = CastFunctions.kernel(inTypes.get(target[o]), types.get(o), false);
                    }
                }
            }

            @Override
            public boolean next(DataChunk out) {
                in.reset();
                if (!reader.next(in)) return false;
                int n = in.count();
                boolean plain = in.sel() == null;
                for (int o = 0; o < origins.size(); o++) {
                    Vector dst = out.column(o);
                    dst.ensureCapacity(n);
                    int slot = target[o];
                    switch (origins.get(o)) {
                        case FromFile ff when slot < 0 -> {
                            for (int k = 0; k < n; k++) dst.setNull(k);
                        }
                        case FromFile ff -> {
                            Vector src = in.column(slot);
                            if (casts[o] != null) {
                                casts[o].execute(new Vector[] {compact(src, n)}, null, n, dst);
                            } else if (plain && countUses(slot) == 1) {
                                // hand the file's vector over instead of copying it
                                out.columns()[o] = src;
                                in.columns()[slot] = dst;
                            } else {
                                for (int k = 0; k < n; k++) dst.copyFrom(src, in.position(k), k);
                            }
                        }
                        case FromPartition p -> {
                            Object value = files.partitions().values().get(file)[p.key()];
                            for (int k = 0; k < n; k++) dst.setObject(k, value);
                        }
                        case FromFilename f -> {
                            String name = files.inputs().get(file).name();
                            for (int k = 0; k < n; k++) dst.setObject(k, name);
                        }
                    }
                }
                out.setCount(n);
                return true;
            }

            private int countUses(int column) {
                int uses = 0;
                for (int t : target) if (t == column) uses++;
                return uses;
            }

            /** The chunk's rows of {@code v} at positions 0..n (its selection applied). */
            private Vector compact(Vector v, int n) {
                if (in.sel() == null) return v;
                Vector c = new Vector(v.type(), Math.max(n, 1));
                for (int k = 0; k < n; k++) c.copyFrom(v, in.position(k), k);
                return c;
            }

            @Override
            public void close() {
                done(reader);
                reader.close();
            }
        }
    }
}
