package dev.mallard.storage.compress;

/**
 * Decodes integers into the array a segment keeps in memory (offsets from a base in 16 or 32
 * bits, ints, codes, flags), a chunk of 1024 at a time so the intermediate longs stay in the
 * first-level cache. Each conversion checks the values fit: damaged bytes fail, never wrap.
 */
public final class IntegerArrays {
    private IntegerArrays() {}

    private static final int CHUNK = 1024;

    /** Receives decoded values {@code chunk[0..count)}, those of positions {@code pos..pos+count)}. */
    @FunctionalInterface
    private interface ChunkSink {
        /** Returns false if a value is out of range. */
        boolean accept(long[] chunk, int pos, int count);
    }

    private static void decode(IntegerDecoder d, int n, ChunkSink sink, String what) {
        long[] chunk = new long[Math.min(n, CHUNK)];
        for (int pos = 0; pos < n; pos += CHUNK) {
            int k = Math.min(CHUNK, n - pos);
            d.next(chunk, 0, k);
            if (!sink.accept(chunk, pos, k)) throw PayloadReader.corrupted(what + " out of range");
        }
    }

    public static long[] longs(IntegerDecoder d, int n) {
        long[] out = new long[n];
        d.next(out, 0, n);
        return out;
    }

    /** Values in {@code [lo, hi]} (within the int range). */
    public static int[] ints(IntegerDecoder d, int n, long lo, long hi) {
        int[] out = new int[n];
        decode(d, n, (c, pos, k) -> {
            long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
            for (int i = 0; i < k; i++) {
                long x = c[i];
                min = Math.min(min, x);
                max = Math.max(max, x);
                out[pos + i] = (int) x;
            }
            return min >= lo && max <= hi;
        }, "a 32-bit value");
        return out;
    }

    /**
     * Lengths turned into {@code n + 1} offsets: offset i is the sum of the lengths before i.
     * Lengths must be non-negative and their sum fit an array.
     */
    public static int[] offsets(IntegerDecoder d, int n) {
        int[] out = new int[n + 1];
        long[] sum = {0};
        decode(d, n, (c, pos, k) -> {
            long total = sum[0], bits = 0;
            for (int i = 0; i < k; i++) {
                bits |= c[i];
                total += c[i];
                out[pos + i + 1] = (int) total;
            }
            sum[0] = total;
            return bits >>> 31 == 0 && total <= Integer.MAX_VALUE - 64;
        }, "a length");
        return out;
    }

    /** Offsets from {@code base} below 2^16. */
    public static short[] offsets16(IntegerDecoder d, int n, long base) {
        short[] out = new short[n];
        decode(d, n, (c, pos, k) -> {
            long bits = 0;
            for (int i = 0; i < k; i++) {
                long x = c[i] - base;
                bits |= x;
                out[pos + i] = (short) x;
            }
            return bits >>> 16 == 0;
        }, "a 16-bit offset");
        return out;
    }

    /** Offsets from {@code base} below 2^32. */
    public static int[] offsets32(IntegerDecoder d, int n, long base) {
        int[] out = new int[n];
        decode(d, n, (c, pos, k) -> {
            long bits = 0;
            for (int i = 0; i < k; i++) {
                long x = c[i] - base;
                bits |= x;
                out[pos + i] = (int) x;
            }
            return bits >>> 32 == 0;
        }, "a 32-bit offset");
        return out;
    }

    /** Codes below {@code size} (at most 256). */
    public static byte[] codes8(IntegerDecoder d, int n, int size) {
        byte[] out = new byte[n];
        decode(d, n, (c, pos, k) -> {
            long min = 0, max = 0;
            for (int i = 0; i < k; i++) {
                min = Math.min(min, c[i]);
                max = Math.max(max, c[i]);
                out[pos + i] = (byte) c[i];
            }
            return min >= 0 && max < size;
        }, "a dictionary code");
        return out;
    }

    /** Codes below {@code size} (at most 2^16). */
    public static char[] codes16(IntegerDecoder d, int n, int size) {
        char[] out = new char[n];
        decode(d, n, (c, pos, k) -> {
            long min = 0, max = 0;
            for (int i = 0; i < k; i++) {
                min = Math.min(min, c[i]);
                max = Math.max(max, c[i]);
                out[pos + i] = (char) c[i];
            }
            return min >= 0 && max < size;
        }, "a dictionary code");
        return out;
    }

    /** Decimal digits scaled back: value i is {@code digits / divisor} (see {@link DoubleCodec}). */
    public static double[] decimals(IntegerDecoder d, int n, double divisor) {
        double[] out = new double[n];
        decode(d, n, (c, pos, k) -> {
            for (int i = 0; i < k; i++) out[pos + i] = (double) c[i] / divisor;
            return true;
        }, "a decimal");
        return out;
    }

    /** Flags: 0 or 1. */
    public static boolean[] booleans(IntegerDecoder d, int n) {
        boolean[] out = new boolean[n];
        decode(d, n, (c, pos, k) -> {
            long bits = 0;
            for (int i = 0; i < k; i++) {
                bits |= c[i];
                out[pos + i] = c[i] != 0;
            }
            return bits >>> 1 == 0;
        }, "a boolean");
        return out;
    }
}
