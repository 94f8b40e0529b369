package dev.mallard.execution.join;

import dev.mallard.vector.Vector;

/**
 * One thread's use of the join filters a scan applies (table scans and parallel table functions
 * alike). Each filter is tried on the first rows; one that keeps too many of them costs more
 * than it saves, so this thread stops applying it (how many is too many depends on what a
 * dropped row saves the scan). A filter the build did not publish (null) filters nothing.
 */
public final class ScanJoinFilters {
    /** Rows tested before a filter that keeps most of them is given up on. */
    private static final int TRIAL = 16 * Vector.DEFAULT_CAPACITY;
    /**
     * A table scan (or a table function whose readers read the keys first, as a scan of Java
     * objects does) gives a filter up when it keeps more than this share of rows: a row it drops
     * saves reading the scan's other columns as well as a probe into the join's hash table.
     */
    public static final double KEEPS_AT_MOST_FOR_TABLES = 0.8;
    /**
     * A file scan has decoded every column of a row before the filter sees it, so a dropped row
     * saves only its probe, which costs about what the filter's own test does: the filter must
     * drop most rows to pay (TPC-H lineitem against one status of orders, half the rows, does not).
     */
    public static final double KEEPS_AT_MOST_FOR_FILES = 0.3;

    private final JoinFilter[] filters;
    private final double keepsAtMost;
    private final long[] in, out;
    /** Key hashes of a chunk (none when there are no filters). */
    private long[] hashes;

    /** @param keepsAtMost the largest share of rows a filter may keep after its trial and still be applied */
    public ScanJoinFilters(JoinFilter[] published, double keepsAtMost) {
        this.filters = published.clone();
        this.keepsAtMost = keepsAtMost;
        this.in = new long[published.length];
        this.out = new long[published.length];
        this.hashes = published.length == 0 ? null : new long[Vector.DEFAULT_CAPACITY];
    }

    public int count() {
        return filters.length;
    }

    /** Whether filter {@code f} is still applied by this thread. */
    public boolean active(int f) {
        return filters[f] != null;
    }

    public boolean any() {
        for (JoinFilter f : filters) if (f != null) return true;
        return false;
    }

    /** Applies active filter {@code f} to the rows {@code sel} (m of them; null: 0..m) of {@code key}, into {@code target}; returns the rows kept. */
    public int select(int f, Vector key, int[] sel, int m, int[] target) {
        if (hashes.length < m) hashes = new long[m];
        int kept = filters[f].select(key, sel, m, target, hashes);
        in[f] += m;
        out[f] += kept;
        if (in[f] >= TRIAL && out[f] > keepsAtMost * in[f]) filters[f] = null;
        return kept;
    }
}
