package dev.mallard.io.parquet;

/**
 * A page's (or dictionary's) non-NULL values as decoded, before conversion to Mallard's types:
 * one array per physical representation. BOOLEAN uses {@code bools}; INT32 {@code ints}; INT64
 * and INT96 (already turned into microseconds) {@code longs}; FLOAT and DOUBLE {@code doubles};
 * BYTE_ARRAY and FIXED_LEN_BYTE_ARRAY the slices {@code data[offsets[i], offsets[i] + lengths[i])}.
 * Reused page after page; arrays only grow.
 */
final class RawValues {
    int count;
    boolean[] bools = new boolean[0];
    int[] ints = new int[0];
    long[] longs = new long[0];
    double[] doubles = new double[0];
    byte[] data = new byte[0];
    int[] offsets = new int[0];
    int[] lengths = new int[0];

    void ensure(int physicalType, int n) {
        switch (physicalType) {
            case Thrift.BOOLEAN -> { if (bools.length < n) bools = new boolean[grow(n)]; }
            case Thrift.INT32 -> { if (ints.length < n) ints = new int[grow(n)]; }
            case Thrift.INT64, Thrift.INT96 -> { if (longs.length < n) longs = new long[grow(n)]; }
            case Thrift.FLOAT, Thrift.DOUBLE -> { if (doubles.length < n) doubles = new double[grow(n)]; }
            default -> {
                if (offsets.length < n) {
                    offsets = new int[grow(n)];
                    lengths = new int[offsets.length];
                }
            }
        }
    }

    private static int grow(int n) {
        return Math.max(n, 16);
    }
}
