package dev.mallard.storage;

import dev.mallard.MallardException;
import dev.mallard.types.LogicalType;
import java.lang.invoke.VarHandle;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.List;

/**
 * In-memory columnar storage of one table. Rows have stable row ids (their append order);
 * deleted rows are tombstoned, never moved, so a row id stays valid for the table's life.
 *
 * <p>Layout: rows are split into row groups of {@link #ROW_GROUP_SIZE} rows (the executor's
 * morsels); each row group holds one {@link ColumnSegment} per column and a tombstone bitmask.
 * Row id {@code r} lives in row group {@code r / ROW_GROUP_SIZE} at offset {@code r % ROW_GROUP_SIZE}.
 *
 * <p>Concurrency: one writer at a time (the caller serializes writers, e.g. with the database's
 * write lock) and any number of readers. Appends write the new rows first and then publish the new
 * {@link #rowIdLimit()} through a volatile field, so a reader that reads the limit sees every row
 * below it. Updates and deletes of existing rows are not isolated from concurrent readers: callers
 * must not run them while a reader may scan the same rows (the engine holds the write lock; MVCC
 * will come with the transaction manager).
 *
 * <p>{@link #withColumnAdded} and {@link #withColumnDropped} share the unchanged column segments
 * with the new table copy-on-write, so ALTER TABLE costs O(row groups), not O(rows), for the
 * untouched columns, and the two tables never see each other's later writes.
 */
public final class DataTable {
    /** Column index that yields row ids (BIGINT) in scans. */
    public static final int ROW_ID = -1;
    /** Rows per row group: 60 vectors of 2048, DuckDB's morsel size. */
    public static final int ROW_GROUP_SIZE = 122_880;

    private final List<LogicalType> types;
    /** segments[rowGroup][column]; replaced (never mutated in place) when a row group is added. */
    private volatile ColumnSegment[][] segments;
    /** Tombstones per row group; null entry: nothing deleted there. */
    private volatile long[][] deleted;
    private volatile long rowIdLimit;
    private volatile long deletedCount;
    /** Per column, for the optimizer; null where unknown (a column added by ALTER TABLE). */
    private final ColumnStatistics[] statistics;
    /** The database's buffer manager when the table lives in a database file, else null. */
    private volatile BufferManager buffers;
    /** Row versions of transactions not yet seen by everyone; shared with ALTER TABLE copies (DDL runs alone). */
    private final RowVersions versions;

    public DataTable(List<LogicalType> types) {
        this.types = List.copyOf(types);
        this.segments = new ColumnSegment[0][];
        this.deleted = new long[0][];
        this.statistics = new ColumnStatistics[types.size()];
        this.versions = new RowVersions();
        for (int c = 0; c < statistics.length; c++) statistics[c] = new ColumnStatistics(types.get(c).physicalType());
    }

    private DataTable(List<LogicalType> types, ColumnSegment[][] segments, long[][] deleted, long rowIdLimit, long deletedCount,
                      ColumnStatistics[] statistics, RowVersions versions) {
        this.types = List.copyOf(types);
        this.segments = segments;
        this.deleted = deleted;
        this.rowIdLimit = rowIdLimit;
        this.deletedCount = deletedCount;
        this.statistics = statistics;
        this.versions = versions;
    }

    /** Statistics of column {@code column} (covering every value ever written), or null if unknown. */
    public ColumnStatistics statistics(int column) {
        return statistics[column];
    }

    public List<LogicalType> types() {
        return types;
    }

    /** Number of live rows. */
    public long rowCount() {
        return rowIdLimit - deletedCount;
    }

    /** One past the largest row id ever handed out; scans iterate row ids below this. */
    public long rowIdLimit() {
        return rowIdLimit;
    }

    /** Number of row groups holding row ids below {@link #rowIdLimit()}: the scan morsels. */
    public int rowGroupCount() {
        return (int) ((rowIdLimit + ROW_GROUP_SIZE - 1) / ROW_GROUP_SIZE);
    }

    /**
     * Scans live rows with row ids in [from, min(from + maxRows, rowIdLimit)) into {@code out}
     * (whose columns have the types of {@code columns}; ROW_ID gives BIGINT row ids), dense, no
     * selection. {@code maxRows} is at most out's capacity.
     */
    public void scan(long from, int maxRows, int[] columns, DataChunk out) {
        scan(from, maxRows, rowIdLimit, Snapshot.LATEST, columns, out);
    }

    /**
     * As {@link #scan(long, int, int[], DataChunk)} but never past {@code limit}: a scan that read
     * {@link #rowIdLimit()} once at its start keeps a stable view while rows are appended.
     */
    public void scan(long from, int maxRows, long limit, Snapshot snapshot, int[] columns, DataChunk out) {
        long end = Math.min(from + maxRows, Math.min(limit, rowIdLimit));
        ColumnSegment[][] segs = segments;
        int n = 0;
        int[] offsets = null;
        for (long start = from; start < end; ) {
            int group = (int) (start / ROW_GROUP_SIZE);
            long groupStart = (long) group * ROW_GROUP_SIZE;
            int a = (int) (start - groupStart);
            int b = (int) (Math.min(end, groupStart + ROW_GROUP_SIZE) - groupStart);
            ColumnSegment[] row = segs[group];
            // Versions first, tombstones second: writers tombstone a row before they forget its
            // versions (settling a delete, aborting an insert), so one of the two always hides it.
            boolean versioned = versions.any(group);
            int live = 0;
            if (versioned) {
                if (offsets == null) offsets = new int[maxRows];
                for (int o = a; o < b; o++) offsets[live++] = o;
                live = versions.filter(group, offsets, live, snapshot);
            }
            VarHandle.acquireFence();
            long[] t = tombstones(group);
            if (t == null && !versioned) {
                for (int i = 0; i < columns.length; i++) {
                    Vector v = out.column(i);
                    if (columns[i] == ROW_ID) {
                        for (int k = 0; k < b - a; k++) v.longs[n + k] = groupStart + a + k;
                        if (v.mayHaveNulls()) for (int k = 0; k < b - a; k++) v.setNull(n + k, false);
                    } else {
                        resident(row, group, columns[i]).copyTo(a, b - a, v, n);
                    }
                }
                n += b - a;
            } else {
                if (offsets == null) offsets = new int[maxRows];
                if (!versioned) for (int o = a; o < b; o++) offsets[live++] = o;
                if (t != null) {
                    int kept = 0;
                    for (int k = 0; k < live; k++) {
                        int o = offsets[k];
                        if ((t[o >>> 6] & (1L << o)) == 0) offsets[kept++] = o;
                    }
                    live = kept;
                }
                for (int i = 0; i < columns.length; i++) {
                    Vector v = out.column(i);
                    if (columns[i] == ROW_ID) {
                        for (int k = 0; k < live; k++) v.longs[n + k] = groupStart + offsets[k];
                        if (v.mayHaveNulls()) for (int k = 0; k < live; k++) v.setNull(n + k, false);
                    } else {
                        resident(row, group, columns[i]).gatherTo(offsets, live, v, n);
                    }
                }
                n += live;
            }
            start = groupStart + b;
        }
        out.setCount(n);
    }

    /**
     * Writes the table's rows to a checkpoint stream: row count, then per row group its tombstones
     * and its column segments in their current encodings, then the column statistics. Rows the
     * snapshot does not see (uncommitted inserts, committed deletes) are written as deleted, so the
     * file holds exactly the committed state; an insert committed later is logged with its row ids
     * and fills those rows again at recovery.
     */
    public void writeTo(dev.mallard.storage.file.StreamOutput w, dev.mallard.storage.file.SegmentSink sink, Snapshot snapshot,
                        BufferManager buffers) {
        if (buffers != null) this.buffers = buffers;
        ColumnSegment[][] segs = segments;
        long limit = rowIdLimit;
        long[][] tombs = java.util.Arrays.copyOf(deleted, rowGroupCount());
        long dead = 0;
        for (int g = 0; g < tombs.length; g++) {
            int rows = (int) Math.min(ROW_GROUP_SIZE, limit - (long) g * ROW_GROUP_SIZE);
            if (versions.any(g)) {
                long[] t = tombs[g] == null ? new long[(ROW_GROUP_SIZE + 63) >>> 6] : tombs[g].clone();
                for (int o = 0; o < rows; o++) if (!versions.visible(g, o, snapshot)) t[o >>> 6] |= 1L << o;
                tombs[g] = t;
            }
            if (tombs[g] != null) for (int o = 0; o < rows; o++) if ((tombs[g][o >>> 6] & (1L << o)) != 0) dead++;
        }
        w.writeInt(types.size()).writeLong(limit).writeLong(dead);
        for (int g = 0; g < rowGroupCount(); g++) {
            int rows = (int) Math.min(ROW_GROUP_SIZE, limit - (long) g * ROW_GROUP_SIZE);
            long[] t = g < tombs.length ? tombs[g] : null;
            w.writeByte(t == null ? 0 : 1);
            if (t != null) for (long word : t) w.writeLong(word);
            for (int c = 0; c < types.size(); c++) {
                ColumnSegment seg = segs[g][c];
                seg.zone.writeTo(w);
                w.writeInt(rows);
                // An unchanged segment stays where the last checkpoint put it; others are written anew.
                dev.mallard.storage.file.SegmentPointer p = seg.pointer;
                if (p == null || !sink.keep(p)) {
                    ColumnSegment data = resident(segs[g], g, c);
                    dev.mallard.storage.file.ByteStreamOutput bytes = new dev.mallard.storage.file.ByteStreamOutput();
                    SegmentCodec.write(data, rows, bytes);
                    p = sink.write(bytes.toByteArray());
                    // Full row groups are final: written, they may be evicted and read again. The
                    // last one may still grow, and a later append clears the pointer first anyway.
                    data.pointer = p;
                    if (this.buffers != null && rows == ROW_GROUP_SIZE && data.resident()) this.buffers.loaded(this, g, c, data);
                }
                p.writeTo(w);
            }
        }
        for (ColumnStatistics s : statistics) {
            w.writeByte(s == null ? 0 : 1);
            if (s != null) s.writeTo(w);
        }
    }

    /** Reads a table written by {@link #writeTo}; {@code types} come from the catalog. */
    public static DataTable readFrom(List<LogicalType> types, dev.mallard.storage.file.StreamInput r,
                                     dev.mallard.storage.file.SegmentSource source, long blockCount,
                                     java.util.function.Consumer<dev.mallard.storage.file.SegmentPointer> pointers, BufferManager buffers) {
        int columns = r.readInt();
        if (columns != types.size()) {
            throw MallardException.Storage.corrupted("table data with " + columns + " columns for a table of " + types.size());
        }
        long limit = r.readLong();
        long deletedCount = r.readLong();
        int groups = (int) ((limit + ROW_GROUP_SIZE - 1) / ROW_GROUP_SIZE);
        ColumnSegment[][] segs = new ColumnSegment[groups][];
        long[][] tombs = new long[groups][];
        for (int g = 0; g < groups; g++) {
            if (r.readByte() != 0) {
                tombs[g] = new long[(ROW_GROUP_SIZE + 63) >>> 6];
                for (int i = 0; i < tombs[g].length; i++) tombs[g][i] = r.readLong();
            }
            segs[g] = new ColumnSegment[columns];
            for (int c = 0; c < columns; c++) {
                ZoneMap zone = ZoneMap.readFrom(r);
                int rows = r.readInt();
                if (rows < 0 || rows > ROW_GROUP_SIZE) throw r.damaged("a segment of " + rows + " rows");
                dev.mallard.storage.file.SegmentPointer p = dev.mallard.storage.file.SegmentPointer.readFrom(r, blockCount);
                pointers.accept(p);
                segs[g][c] = ColumnSegment.placeholder(types.get(c).physicalType(), rows, zone, p, source);
            }
        }
        ColumnStatistics[] stats = new ColumnStatistics[columns];
        for (int c = 0; c < columns; c++) {
            if (r.readByte() != 0) stats[c] = ColumnStatistics.readFrom(types.get(c).physicalType(), r);
        }
        DataTable t = new DataTable(types, segs, tombs, limit, deletedCount, stats, new RowVersions());
        t.buffers = buffers;
        return t;
    }

    /**
     * Segment {@code c} of row group {@code g} (whose segments are {@code row}), read from the
     * database file first if it was left there. Two readers may race to read it: both get the
     * same values, and the segment published first stays.
     */
    private ColumnSegment resident(ColumnSegment[] row, int g, int c) {
        ColumnSegment s = row[c];
        if (s.resident()) {
            // A write only when the bit is clear: threads scanning parts of one segment do not fight over its cache line.
            if (s.pointer != null && !s.referenced) s.referenced = true;
            return s;
        }
        ColumnSegment loaded;
        synchronized (s) {
            if (row[c] != s) return resident(row, g, c);
            byte[] bytes = s.source.read(s.pointer);
            loaded = SegmentCodec.read(types.get(c).physicalType(),
                    new dev.mallard.storage.file.ByteStreamInput(bytes, "a segment of " + s.source.name()));
            if (loaded.capacity != s.capacity) {
                throw MallardException.Storage.corrupted("a segment of " + s.source.name() + " holds " + loaded.capacity
                        + " rows where " + s.capacity + " were recorded: the file is damaged");
            }
            loaded.zone = s.zone;
            loaded.pointer = s.pointer;
            loaded.referenced = true;
            row[c] = loaded;
        }
        if (buffers != null) buffers.loaded(this, g, c, loaded);
        return loaded;
    }

    /**
     * Drops the values of a segment that is the same as in the database file, leaving a
     * placeholder to read them again (the buffer manager's eviction). Readers that hold the
     * segment keep reading it. Returns false if the segment changed or was replaced meanwhile.
     */
    boolean evict(int g, int c, ColumnSegment s) {
        ColumnSegment[][] segs = segments;
        if (g >= segs.length) return false;
        ColumnSegment[] row = segs[g];
        synchronized (s) {
            if (row[c] != s || s.pointer == null || !s.resident()) return false;
            dev.mallard.storage.file.SegmentSource source = buffers == null ? null : buffers.source();
            if (source == null) return false;
            row[c] = ColumnSegment.placeholder(s.type, s.capacity, s.zone, s.pointer, source);
        }
        return true;
    }


    /**
     * Checks the table's structure (a segment per column in every row group, each long enough,
     * the deleted count matching the tombstones) and reads every value once, checking that the
     * zone maps cover the values (a map that did not would make scans skip rows they must return);
     * returns the problems found, described for {@code PRAGMA integrity_check}.
     */
    public List<String> verify(String name) {
        List<String> problems = new ArrayList<>();
        ColumnSegment[][] segs = segments;
        long[][] tombs = deleted;
        long limit = rowIdLimit;
        if (segs.length < rowGroupCount()) {
            problems.add(name + ": " + segs.length + " row groups hold " + limit + " row ids");
            return problems;
        }
        long dead = 0;
        for (int g = 0; g < rowGroupCount(); g++) {
            int rows = (int) Math.min(ROW_GROUP_SIZE, limit - (long) g * ROW_GROUP_SIZE);
            if (segs[g].length != types.size()) {
                problems.add(name + ": row group " + g + " has " + segs[g].length + " columns, not " + types.size());
                continue;
            }
            for (int c = 0; c < types.size(); c++) {
                if (segs[g][c].capacity() < rows) {
                    problems.add(name + ": column " + c + " of row group " + g + " holds " + segs[g][c].capacity() + " of " + rows + " rows");
                }
            }
            long[] t = g < tombs.length ? tombs[g] : null;
            if (t != null) for (int o = 0; o < rows; o++) if ((t[o >>> 6] & (1L << o)) != 0) dead++;
        }
        if (dead != deletedCount) problems.add(name + ": " + dead + " rows are deleted but the count says " + deletedCount);
        if (!problems.isEmpty()) return problems;
        int[] all = new int[types.size()];
        for (int c = 0; c < all.length; c++) all[c] = c;
        DataChunk chunk = new DataChunk(types);
        try {
            for (long from = 0; from < limit; from += Vector.DEFAULT_CAPACITY) {
                chunk.reset();
                scan(from, Vector.DEFAULT_CAPACITY, limit, Snapshot.LATEST, all, chunk);
                int g = (int) (from / ROW_GROUP_SIZE); // a vector never straddles row groups
                for (int c = 0; c < all.length; c++) {
                    if (segs[g][c].zone.covers(ZoneMap.of(chunk.column(c), null, chunk.count()))) continue;
                    String problem = name + ": the zone map of column " + c + " in row group " + g + " misses some of its values";
                    if (!problems.contains(problem)) problems.add(problem);
                }
            }
        } catch (RuntimeException e) {
            problems.add(name + ": reading its rows fails: " + e);
        }
        return problems;
    }

    /** The tombstones of a row group as published now, or null. */
    private long[] tombstones(int group) {
        long[][] tombs = deleted;
        return group < tombs.length ? tombs[group] : null;
    }

    /**
     * Whether some row of row group {@code group} may pass every one of {@code filters}, judged by
     * the group's zone maps alone: false lets a scan skip the group without reading it. The zone
     * maps are widened before appended rows are published through {@link #rowIdLimit()}, so for a
     * scan that read the limit before, they cover every row it would read, also in a row group
     * still being filled. O(filters).
     */
    public boolean mayMatch(int group, List<TableFilter> filters) {
        ColumnSegment[] row = segments[group];
        for (int i = 0; i < filters.size(); i++) {
            TableFilter f = filters.get(i);
            if (!f.mayMatch(row[f.column()].zone)) return false;
        }
        return true;
    }

    /** Segment {@code column} of row group {@code group} (checkpoints write them as they are). */
    ColumnSegment segment(int group, int column) {
        return resident(segments[group], group, column);
    }

    /**
     * Whether some row with an id in [from, to) is deleted or has versions a snapshot must check:
     * if not, the range can be read column by column with {@link #scanColumn}.
     */
    public boolean hasInvisible(long from, long to) {
        if (from >= to) return false;
        int first = (int) (from / ROW_GROUP_SIZE);
        int last = (int) ((to - 1) / ROW_GROUP_SIZE);
        for (int g = first; g <= last; g++) {
            if (versions.any(g)) return true;
            VarHandle.acquireFence(); // see scan: versions before tombstones
            long[] t = tombstones(g);
            if (t == null) continue;
            int a = g == first ? (int) (from % ROW_GROUP_SIZE) : 0;
            int b = g == last ? (int) ((to - 1) % ROW_GROUP_SIZE) + 1 : ROW_GROUP_SIZE;
            for (int o = a; o < b; o++) if ((t[o >>> 6] & (1L << o)) != 0) return true;
        }
        return false;
    }

    /**
     * Copies one column of the rows {@code from + sel[k]} (k < count; or of all rows
     * {@code from .. from + count} when {@code sel} is null) to position {@code sel[k]} (or k) of
     * {@code out}. The rows lie in one row group and none is deleted (see {@link #hasInvisible}):
     * a scan that filtered some columns first fetches the others only for the rows it kept.
     */
    public void scanColumn(long from, int[] sel, int count, int column, Vector out) {
        int group = (int) (from / ROW_GROUP_SIZE);
        int offset = (int) (from % ROW_GROUP_SIZE);
        if (column == ROW_ID) {
            if (sel == null) for (int k = 0; k < count; k++) out.longs[k] = from + k;
            else for (int k = 0; k < count; k++) out.longs[sel[k]] = from + sel[k];
            return;
        }
        ColumnSegment seg = resident(segments[group], group, column);
        if (sel == null) seg.copyTo(offset, count, out, 0);
        else seg.copySelected(offset, sel, count, out);
    }

    /** Appends the live rows of {@code chunk} (columns in table order), visible to everyone. Writers only. */
    public void append(DataChunk chunk) {
        append(chunk, 0);
    }

    /**
     * Appends the live rows of {@code chunk} as inserted by {@code version}: a transaction id
     * (visible to that transaction only until {@link #commitInserts}) or 0 (visible to everyone).
     */
    public void append(DataChunk chunk, long version) {
        int count = chunk.count();
        if (count == 0) return;
        long base = rowIdLimit;
        int[] sel = chunk.sel();
        int done = 0;
        while (done < count) {
            long rowId = base + done;
            int group = (int) (rowId / ROW_GROUP_SIZE);
            int offset = (int) (rowId % ROW_GROUP_SIZE);
            int n = Math.min(count - done, ROW_GROUP_SIZE - offset);
            ColumnSegment[] row = writableRowGroup(group);
            int[] part = null;
            if (sel != null) {
                part = new int[n];
                System.arraycopy(sel, done, part, 0, n);
            } else if (done > 0) {
                part = new int[n];
                for (int k = 0; k < n; k++) part[k] = done + k;
            }
            for (int c = 0; c < types.size(); c++) {
                ColumnSegment seg = writable(row, group, c);
                seg.ensureCapacity(offset + n);
                seg.append(offset, chunk.column(c), part, n);
                if (statistics[c] != null) statistics[c].add(chunk.column(c), part, n);
            }
            if (offset + n == ROW_GROUP_SIZE) packRowGroup(group);
            done += n;
        }
        versions.inserted(base, count, version);
        rowIdLimit = base + count; // publish after the data and versions are written
    }

    /**
     * Appends many rows at once (CREATE TABLE AS, INSERT ... SELECT, COPY FROM): after topping up
     * the last row group, every further row group is built by its own task, which {@code runAll}
     * may run on several threads; the row groups are then published together. Rows keep the
     * order of {@code chunks}. Visible as {@link #append(DataChunk, long)} makes them.
     */
    public void appendAll(List<DataChunk> chunks, long version, java.util.function.Consumer<List<Runnable>> runAll) {
        long total = 0;
        for (DataChunk c : chunks) total += c.count();
        if (total == 0) return;
        // rows up to the next row group boundary go the usual way
        int head = (int) Math.min(total, (ROW_GROUP_SIZE - rowIdLimit % ROW_GROUP_SIZE) % ROW_GROUP_SIZE);
        int chunkIndex = 0, chunkOffset = 0;
        for (int done = 0; done < head; ) {
            DataChunk c = chunks.get(chunkIndex);
            int n = Math.min(head - done, c.count() - chunkOffset);
            append(slice(c, chunkOffset, n), version);
            done += n;
            chunkOffset += n;
            if (chunkOffset == c.count()) {
                chunkIndex++;
                chunkOffset = 0;
            }
        }
        long rest = total - head;
        if (rest == 0) return;
        long base = rowIdLimit;
        int firstGroup = (int) (base / ROW_GROUP_SIZE);
        int groups = (int) ((rest + ROW_GROUP_SIZE - 1) / ROW_GROUP_SIZE);
        // where each new row group starts in the chunk list
        int[] startChunk = new int[groups];
        int[] startOffset = new int[groups];
        for (int g = 0, ci = chunkIndex, co = chunkOffset; g < groups; g++) {
            startChunk[g] = ci;
            startOffset[g] = co;
            long skip = ROW_GROUP_SIZE;
            while (skip > 0 && ci < chunks.size()) {
                int n = (int) Math.min(skip, chunks.get(ci).count() - co);
                skip -= n;
                co += n;
                if (co == chunks.get(ci).count()) {
                    ci++;
                    co = 0;
                }
            }
        }
        // strings of a full row group join the statistics while it is packed (see ColumnSegment.pack)
        boolean[] strings = new boolean[types.size()];
        for (int c = 0; c < strings.length; c++) strings[c] = types.get(c).physicalType() == dev.mallard.types.PhysicalType.STRING;
        ColumnSegment[][] built = new ColumnSegment[groups][];
        ColumnStatistics[][] stats = new ColumnStatistics[groups][];
        List<Runnable> tasks = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            final int group = g;
            tasks.add(() -> {
                int rows = (int) Math.min(ROW_GROUP_SIZE, rest - (long) group * ROW_GROUP_SIZE);
                boolean packs = rows == ROW_GROUP_SIZE; // a full row group is packed as soon as it is built
                ColumnSegment[] row = new ColumnSegment[types.size()];
                ColumnStatistics[] st = new ColumnStatistics[types.size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = new ColumnSegment(types.get(c), rows);
                    st[c] = statistics[c] == null ? null : statistics[c].fresh();
                }
                int ci = startChunk[group], co = startOffset[group];
                int[] present = new int[Vector.DEFAULT_CAPACITY];
                for (int offset = 0; offset < rows; ) {
                    DataChunk chunk = chunks.get(ci);
                    int n = Math.min(rows - offset, chunk.count() - co);
                    appendRows(row, st, offset, chunk, co, n, packs, strings, present);
                    offset += n;
                    co += n;
                    if (co == chunk.count()) {
                        ci++;
                        co = 0;
                    }
                }
                if (packs) for (int c = 0; c < row.length; c++) row[c] = ColumnSegment.pack(row[c], ROW_GROUP_SIZE, strings[c] ? st[c] : null);
                built[group] = row;
                stats[group] = st;
            });
        }
        runAll.accept(tasks);
        for (ColumnStatistics[] st : stats) {
            for (int c = 0; c < st.length; c++) if (st[c] != null) statistics[c].merge(st[c]);
        }
        ColumnSegment[][] grown = java.util.Arrays.copyOf(segments, firstGroup + groups);
        System.arraycopy(built, 0, grown, firstGroup, groups);
        segments = grown;
        versions.inserted(base, rest, version);
        rowIdLimit = base + rest; // publish after the data and versions are written
    }

    /**
     * Appends rows {@code from .. from + n} of {@code chunk} to the row group being built, {@code row},
     * at {@code offset}, and counts them in its statistics {@code st} ({@link #appendAll}'s strings
     * excepted: packing counts them). Called once a chunk, not in the loop of a row group's task
     * (called a few times a call), so that the JIT compiles it in a user's first call rather than
     * leaving it to the interpreter for a dozen calls.
     */
    private static void appendRows(ColumnSegment[] row, ColumnStatistics[] st, int offset, DataChunk chunk, int from, int n, boolean packs,
            boolean[] strings, int[] present) {
        int[] part = positions(chunk, from, n);
        for (int c = 0; c < row.length; c++) {
            appendColumn(row[c], st[c] != null && !(packs && strings[c]) ? st[c] : null, offset, chunk.column(c), part, n, packs, present);
        }
    }

    /**
     * {@link #appendRows} for one column, {@code stats} null when it does not count them. A method
     * of its own for the JIT too: called a few thousand times a call, it is compiled in the first,
     * where appendRows (called a few hundred times) waited for its sixth or seventh.
     */
    private static void appendColumn(ColumnSegment segment, ColumnStatistics stats, int offset, Vector v, int[] part, int n, boolean packs,
            int[] present) {
        segment.ensureCapacity(offset + n);
        if (part == null && v.mayHaveNulls() && n <= present.length && v.physicalType() != dev.mallard.types.PhysicalType.NONE) {
            // the rows holding a value, listed once for the zone map and the statistics
            int values = v.presentPositions(n, present);
            ZoneMap zone = stats == null ? null : stats.addPresent(v, present, values, n);
            segment.append(offset, v, n, packs, present, values, zone);
        } else {
            ZoneMap zone = stats == null ? null : stats.add(v, part, n);
            segment.append(offset, v, part, n, packs, zone);
        }
    }

    /** Positions of rows {@code from .. from + n} of a chunk: null when they are its first rows and it has no selection. */
    private static int[] positions(DataChunk chunk, int from, int n) {
        if (chunk.sel() == null && from == 0) return null;
        int[] part = new int[n];
        for (int k = 0; k < n; k++) part[k] = chunk.sel() == null ? from + k : chunk.sel()[from + k];
        return part;
    }

    /** Rows {@code from .. from + n} of a chunk, as a view. */
    private static DataChunk slice(DataChunk chunk, int from, int n) {
        if (from == 0 && n == chunk.count()) return chunk;
        int[] part = new int[n];
        for (int k = 0; k < n; k++) part[k] = chunk.position(from + k);
        return new DataChunk(chunk.columns(), n, part);
    }

    /**
     * Deletes rows as transaction {@code transaction} reading {@code snapshot}: they stay visible
     * to others until the delete commits. A row changed concurrently fails with SQLSTATE 40001.
     * Returns how many rows were newly deleted.
     */
    public int markDeleted(long[] rowIds, int count, Snapshot snapshot, long transaction) {
        int n = 0;
        for (int k = 0; k < count; k++) {
            checkRowId(rowIds[k]);
            if (versions.delete(rowIds[k], snapshot, transaction)) rowIds[n++] = rowIds[k];
        }
        return n;
    }

    /** Rolls back {@link #markDeleted} of these rows. */
    public void unmarkDeleted(long[] rowIds, int count) {
        for (int k = 0; k < count; k++) versions.undelete(rowIds[k]);
    }

    /** Whether row {@code rowId} holds its unique keys for writer {@code transaction} (see {@link RowVersions.Holder}). */
    public RowVersions.Holder holder(long rowId, long transaction) {
        checkRowId(rowId);
        if (isDeleted(rowId)) return RowVersions.Holder.GONE;
        return versions.holder((int) (rowId / ROW_GROUP_SIZE), (int) (rowId % ROW_GROUP_SIZE), transaction);
    }

    /** Makes the inserts of rows {@code [from, to)} part of commit {@code commit}. */
    public void commitInserts(long from, long to, long commit) {
        versions.commitInserts(from, to, commit);
    }

    /** Makes the deletes of these rows part of commit {@code commit}. */
    public void commitDeletes(long[] rowIds, int count, long commit) {
        for (int k = 0; k < count; k++) versions.commitDelete(rowIds[k], commit);
    }

    /** Rolls back the inserts of rows {@code [from, to)}: they become deleted for everyone. */
    public void abortInserts(long from, long to) {
        long[] ids = new long[(int) Math.min(to - from, 2048)];
        for (long r = from; r < to; ) {
            int n = (int) Math.min(ids.length, to - r);
            for (int k = 0; k < n; k++) ids[k] = r + k;
            delete(ids, n);
            VarHandle.releaseFence(); // tombstones before versions: see scan
            for (int k = 0; k < n; k++) versions.forgetInsert(ids[k]);
            r += n;
        }
    }

    /**
     * Folds away the row versions every running transaction sees (commit ids up to
     * {@code horizon}): committed deletes become tombstones, and scans of row groups without
     * pending versions take the fast path again.
     */
    public void settle(long horizon) {
        versions.settle(horizon, this::delete);
    }

    /**
     * Appends {@code count} rows that are deleted from the start: recovery re-creates the row ids
     * that rolled-back inserts used, so later rows get the row ids they had when they were logged.
     */
    public void appendDeleted(long count) {
        if (count <= 0) return;
        int batch = (int) Math.min(count, 2048);
        DataChunk nulls = new DataChunk(types, batch);
        for (Vector v : nulls.columns()) for (int k = 0; k < batch; k++) v.setNull(k, true);
        long[] ids = new long[batch];
        for (long done = 0; done < count; ) {
            int n = (int) Math.min(batch, count - done);
            long base = rowIdLimit;
            nulls.setCount(n);
            append(nulls);
            for (int k = 0; k < n; k++) ids[k] = base + k;
            delete(ids, n);
            done += n;
        }
    }

    /**
     * Writes {@code rows} into the row ids from {@code first} on, which must all be deleted rows
     * made by {@link #appendDeleted}, and makes them live: recovery of an insert whose row ids a
     * transaction that committed before it had already passed. Returns false if a row is live.
     */
    public boolean fillDeleted(long first, DataChunk rows) {
        int n = rows.count();
        if (first < 0 || first + n > rowIdLimit) return false;
        long[] ids = new long[n];
        for (int k = 0; k < n; k++) {
            ids[k] = first + k;
            if (!isDeleted(ids[k])) return false;
        }
        for (int c = 0; c < types.size(); c++) update(ids, n, c, rows.column(c));
        undelete(ids, n);
        return true;
    }

    /**
     * Packs the integer columns of a row group that just filled up (see {@link ColumnSegment#pack})
     * into new segment objects, published with a new {@link #segments} array: a scan that already
     * holds the old segments keeps reading them unchanged.
     */
    private void packRowGroup(int group) {
        ColumnSegment[][] segs = segments;
        ColumnSegment[] row = segs[group];
        ColumnSegment[] packed = row.clone();
        boolean changed = false;
        for (int c = 0; c < row.length; c++) {
            packed[c] = ColumnSegment.pack(row[c], ROW_GROUP_SIZE);
            changed |= packed[c] != row[c];
        }
        if (!changed) return;
        ColumnSegment[][] copy = segs.clone();
        copy[group] = packed;
        segments = copy;
    }

    /** The row group's segments, creating the row group (and its segments) if it is new. */
    private ColumnSegment[] writableRowGroup(int group) {
        ColumnSegment[][] segs = segments;
        if (group < segs.length) return segs[group];
        ColumnSegment[][] grown = java.util.Arrays.copyOf(segs, group + 1);
        for (int g = segs.length; g <= group; g++) {
            ColumnSegment[] row = new ColumnSegment[types.size()];
            for (int c = 0; c < row.length; c++) row[c] = new ColumnSegment(types.get(c), 0);
            grown[g] = row;
        }
        segments = grown;
        return grown[group];
    }

    /**
     * Segment {@code c} of a row group, first read from the file if it was left there, and
     * replaced by a private plain copy if it is shared or packed. Its file pointer is cleared
     * first (under the segment's lock, against a concurrent eviction): once changed, it can only
     * be written by the next checkpoint, never read again from the file.
     */
    private ColumnSegment writable(ColumnSegment[] row, int g, int c) {
        ColumnSegment seg;
        while (true) {
            seg = resident(row, g, c);
            synchronized (seg) {
                if (row[c] != seg) continue;
                seg.pointer = null;
                break;
            }
        }
        if (seg.isPacked()) {
            seg = seg.unpacked();
            row[c] = seg;
        } else if (seg.shared) {
            seg = seg.copy();
            row[c] = seg;
        }
        return seg;
    }

    private void checkRowId(long rowId) {
        if (rowId < 0 || rowId >= rowIdLimit) {
            throw new MallardException.Internal("row id " + rowId + " out of range [0, " + rowIdLimit + ")");
        }
    }

    public void delete(long[] rowIds, int count) {
        setDeleted(rowIds, count, true);
    }

    /** Revives deleted rows (transaction rollback of a DELETE). */
    public void undelete(long[] rowIds, int count) {
        setDeleted(rowIds, count, false);
    }

    private void setDeleted(long[] rowIds, int count, boolean delete) {
        long[][] tombs = deleted;
        int groups = segments.length;
        if (tombs.length < groups) {
            tombs = java.util.Arrays.copyOf(tombs, groups);
        }
        long changed = 0;
        for (int k = 0; k < count; k++) {
            long rowId = rowIds[k];
            checkRowId(rowId);
            int group = (int) (rowId / ROW_GROUP_SIZE);
            int offset = (int) (rowId % ROW_GROUP_SIZE);
            long[] t = tombs[group];
            if (t == null) {
                if (!delete) continue;
                t = tombs[group] = new long[(ROW_GROUP_SIZE + 63) >>> 6];
            }
            long bit = 1L << offset;
            boolean was = (t[offset >>> 6] & bit) != 0;
            if (was == delete) continue;
            if (delete) t[offset >>> 6] |= bit;
            else t[offset >>> 6] &= ~bit;
            changed++;
        }
        deleted = tombs;
        deletedCount += delete ? changed : -changed;
    }

    /** Sets column {@code column} of each row {@code rowIds[k]} to {@code values} position k. */
    public void update(long[] rowIds, int count, int column, Vector values) {
        ColumnSegment[][] segs = segments;
        for (int k = 0; k < count; k++) {
            long rowId = rowIds[k];
            checkRowId(rowId);
            int group = (int) (rowId / ROW_GROUP_SIZE);
            ColumnSegment seg = writable(segs[group], group, column);
            seg.update((int) (rowId % ROW_GROUP_SIZE), values, k);
            if (statistics[column] != null) statistics[column].add(values, k);
        }
    }

    /** Reads one value in physical form (see {@link Vector#getObject}). */
    public Object get(long rowId, int column) {
        checkRowId(rowId);
        if (column == ROW_ID) return rowId;
        int group = (int) (rowId / ROW_GROUP_SIZE);
        return resident(segments[group], group, column).get((int) (rowId % ROW_GROUP_SIZE));
    }

    public boolean isDeleted(long rowId) {
        checkRowId(rowId);
        long[][] tombs = deleted;
        int group = (int) (rowId / ROW_GROUP_SIZE);
        if (group >= tombs.length || tombs[group] == null) return false;
        int offset = (int) (rowId % ROW_GROUP_SIZE);
        return (tombs[group][offset >>> 6] & (1L << offset)) != 0;
    }

    /**
     * A new table with a column added (filled with {@code value}, in physical form). It shares the
     * existing columns' segments copy-on-write, so neither table sees the other's later writes.
     */
    public DataTable withColumnAdded(LogicalType type, Object value) {
        ColumnSegment[][] segs = segments;
        long limit = rowIdLimit;
        ColumnSegment[][] out = new ColumnSegment[segs.length][];
        for (int g = 0; g < segs.length; g++) {
            ColumnSegment[] row = java.util.Arrays.copyOf(segs[g], types.size() + 1);
            for (int c = 0; c < types.size(); c++) row[c].shared = true;
            int rows = (int) Math.min(ROW_GROUP_SIZE, limit - (long) g * ROW_GROUP_SIZE);
            ColumnSegment added = new ColumnSegment(type, rows);
            added.fill(0, rows, value);
            row[types.size()] = added;
            out[g] = row;
        }
        List<LogicalType> newTypes = new ArrayList<>(types);
        newTypes.add(type);
        ColumnStatistics[] stats = new ColumnStatistics[types.size() + 1];
        for (int c = 0; c < types.size(); c++) stats[c] = statistics[c] == null ? null : statistics[c].copy();
        return new DataTable(newTypes, out, copyTombstones(), limit, deletedCount, stats, versions);
    }

    /** A new table without column {@code column}, sharing the other columns' segments copy-on-write. */
    public DataTable withColumnDropped(int column) {
        if (column < 0 || column >= types.size()) {
            throw new MallardException.Internal("no column " + column + " in a table of " + types.size());
        }
        ColumnSegment[][] segs = segments;
        ColumnSegment[][] out = new ColumnSegment[segs.length][];
        for (int g = 0; g < segs.length; g++) {
            ColumnSegment[] row = new ColumnSegment[types.size() - 1];
            for (int c = 0, d = 0; c < types.size(); c++) {
                if (c == column) continue;
                segs[g][c].shared = true;
                row[d++] = segs[g][c];
            }
            out[g] = row;
        }
        List<LogicalType> newTypes = new ArrayList<>(types);
        newTypes.remove(column);
        ColumnStatistics[] stats = new ColumnStatistics[types.size() - 1];
        for (int c = 0, d = 0; c < types.size(); c++) {
            if (c != column) stats[d++] = statistics[c] == null ? null : statistics[c].copy();
        }
        return new DataTable(newTypes, out, copyTombstones(), rowIdLimit, deletedCount, stats, versions);
    }

    private long[][] copyTombstones() {
        long[][] tombs = deleted;
        long[][] copy = new long[tombs.length][];
        for (int g = 0; g < tombs.length; g++) copy[g] = tombs[g] == null ? null : tombs[g].clone();
        return copy;
    }
}
