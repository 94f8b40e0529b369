package dev.mallard.execution.window;

import dev.mallard.vector.Vector;

/**
 * The sorted positions of one partition whose value is not NULL, for IGNORE NULLS: the k-th
 * non-NULL value before or after a position is then a binary search and an index away.
 */
final class NonNullIndex {
    private int[] positions = new int[16];
    private int count;

    /** Rebuilds the index for sorted positions {@code [ps, pe)} of {@code values}. */
    void build(Vector values, int[] perm, int ps, int pe) {
        if (positions.length < pe - ps) positions = new int[pe - ps];
        count = 0;
        for (int p = ps; p < pe; p++) {
            if (!values.isNull(perm[p])) positions[count++] = p;
        }
    }

    int count() {
        return count;
    }

    /** The k-th (0-based) non-NULL position. */
    int position(int k) {
        return positions[k];
    }

    /** Number of non-NULL positions before {@code p}; also the index of the first one at or after p. */
    int countBefore(int p) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (positions[mid] < p) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
