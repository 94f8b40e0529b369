package dev.mallard.storage;

import dev.mallard.storage.file.SegmentSource;
import java.util.ArrayDeque;

/**
 * Keeps the segments read from a database file within {@code memory_limit}: past it, segments
 * not used lately (a clock: each gets a second chance while its referenced bit is set) are
 * dropped and read again when a query needs them, so a database larger than the heap can be
 * queried and reopening a large one reads only what queries touch. Segments that differ from the
 * file (new rows, changes not yet checkpointed) are never dropped and not counted.
 */
public final class BufferManager {
    private record Entry(DataTable table, int group, int column, ColumnSegment segment, long bytes) {}

    private final SegmentSource source;
    private final ArrayDeque<Entry> clock = new ArrayDeque<>();
    private long limit;
    private long used;

    public BufferManager(SegmentSource source, long limit) {
        this.source = source;
        this.limit = limit;
    }

    public SegmentSource source() {
        return source;
    }

    public synchronized long limit() {
        return limit;
    }

    /** Bytes of file segments held in memory now. */
    public synchronized long used() {
        return used;
    }

    public synchronized void setLimit(long bytes) {
        limit = bytes;
        evict(null);
    }

    /** A segment now in memory and the same as in the file (read, or just written by a checkpoint). */
    synchronized void loaded(DataTable table, int group, int column, ColumnSegment segment) {
        long bytes = segment.memoryBytes();
        clock.addLast(new Entry(table, group, column, segment, bytes));
        used += bytes;
        evict(segment);
    }

    /** Drops segments until the total is within the limit, sparing {@code keep} (the one just read). */
    private void evict(ColumnSegment keep) {
        for (int budget = 2 * clock.size(); used > limit && budget > 0 && !clock.isEmpty(); budget--) {
            Entry e = clock.pollFirst();
            if (e.segment == keep || e.segment.referenced) {
                e.segment.referenced = false;
                clock.addLast(e);
                continue;
            }
            // Evicted, or changed or replaced meanwhile (then no longer ours to count): either way it leaves the clock.
            e.table.evict(e.group, e.column, e.segment);
            used -= e.bytes;
        }
    }
}
