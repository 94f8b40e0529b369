package dev.mallard.storage.compress;

/**
 * What one pass over integers finds, enough to size every {@link IntegerEncoding} exactly: the
 * range of the values, the range of the differences between neighbours (wrapping, as the delta
 * encoding computes them), and the runs of equal values.
 */
public record IntegerStats(int count, long min, long max, long minDelta, long maxDelta, int runs, int longestRun) {

    public static IntegerStats of(long[] v, int count) {
        if (count == 0) return new IntegerStats(0, 0, 0, 0, 0, 0, 0);
        long min = v[0], max = v[0];
        long minDelta = Long.MAX_VALUE, maxDelta = Long.MIN_VALUE;
        int runs = 1, run = 1, longest = 1;
        for (int i = 1; i < count; i++) {
            long x = v[i];
            min = Math.min(min, x);
            max = Math.max(max, x);
            long d = x - v[i - 1];
            minDelta = Math.min(minDelta, d);
            maxDelta = Math.max(maxDelta, d);
            if (d == 0) {
                run++;
            } else {
                longest = Math.max(longest, run);
                runs++;
                run = 1;
            }
        }
        if (count == 1) minDelta = maxDelta = 0;
        return new IntegerStats(count, min, max, minDelta, maxDelta, runs, Math.max(longest, run));
    }

    /** Bits per value of a frame of reference over the values. */
    public int valueWidth() {
        return BitPacking.width(max - min);
    }
}
