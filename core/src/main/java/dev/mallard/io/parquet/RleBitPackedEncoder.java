package dev.mallard.io.parquet;

/**
 * Encodes values as Parquet's RLE/bit-packed hybrid (the inverse of {@link RleBitPackedDecoder}):
 * a stretch of eight or more equal values becomes one RLE run; anything else is bit-packed in
 * groups of eight. A bit-packed run only ends at a group boundary, and only the very last run
 * may be padded, as the specification requires.
 */
final class RleBitPackedEncoder {
    private RleBitPackedEncoder() {}

    static void encode(int[] v, int n, int bitWidth, ByteSink out) {
        int i = 0;
        while (i < n) {
            int run = runLength(v, i, n, Integer.MAX_VALUE);
            if (run >= 8) {
                out.varint((long) run << 1);
                for (int b = 0, bytes = (bitWidth + 7) >>> 3; b < bytes; b++) out.write(v[i] >>> (8 * b));
                i += run;
                continue;
            }
            int start = i;
            do {
                i += 8;
            } while (i < n && runLength(v, i, n, 8) < 8);
            int groups = (i - start) >>> 3;
            out.varint((long) groups << 1 | 1);
            long acc = 0;
            int bits = 0;
            for (int k = start; k < i; k++) {
                acc |= (k < n ? v[k] & 0xFFFFFFFFL : 0) << bits; // padding past the end reads as 0
                bits += bitWidth;
                while (bits >= 8) {
                    out.write((int) acc);
                    acc >>>= 8;
                    bits -= 8;
                }
            }
            if (bits > 0) out.write((int) acc); // groups of 8 values always fill whole bytes; kept for safety
            i = Math.min(i, n);
        }
    }

    private static int runLength(int[] v, int i, int n, int cap) {
        int r = 1;
        while (i + r < n && r < cap && v[i + r] == v[i]) r++;
        return r;
    }
}
