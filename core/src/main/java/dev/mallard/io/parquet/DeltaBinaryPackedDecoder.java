package dev.mallard.io.parquet;

/**
 * Decodes DELTA_BINARY_PACKED integers: a header (values per block, miniblocks per block, total
 * count, first value), then blocks of a minimum delta and per-miniblock bit widths, each miniblock
 * holding the deltas minus that minimum bit-packed little-endian. Values are summed in 64 bits
 * and wrap, which also gives INT32 columns their values when the caller narrows them.
 *
 * <p>{@link #end()} tells where the encoded values stop, which DELTA_LENGTH_BYTE_ARRAY and
 * DELTA_BYTE_ARRAY need to find the bytes that follow. Miniblocks after the last value are not
 * stored (only their bit widths are), as the specification says.
 */
final class DeltaBinaryPackedDecoder {
    private final byte[] buf;
    private int pos;
    private final int limit;

    DeltaBinaryPackedDecoder(byte[] buf, int off, int limit) {
        this.buf = buf;
        this.pos = off;
        this.limit = limit;
    }

    /** Decodes every value of the run (the count is in the header, and may not exceed {@code max}). */
    long[] readAll(int max) {
        int blockSize = (int) varint(), miniblocks = (int) varint();
        long total = varint();
        long value = zigzag(varint());
        if (blockSize <= 0 || miniblocks <= 0 || blockSize % miniblocks != 0 || (blockSize / miniblocks) % 8 != 0 || total < 0
                || total > max) {
            throw new ThriftCompactReader.Damaged("a damaged DELTA_BINARY_PACKED header");
        }
        int perMini = blockSize / miniblocks;
        long[] out = new long[(int) total];
        if (total == 0) return out;
        out[0] = value;
        int n = 1;
        int[] widths = new int[miniblocks];
        while (n < total) {
            long minDelta = zigzag(varint());
            if (limit - pos < miniblocks) throw new ThriftCompactReader.Damaged("DELTA_BINARY_PACKED data ends early");
            for (int i = 0; i < miniblocks; i++) widths[i] = buf[pos++] & 0xFF;
            for (int m = 0; m < miniblocks && n < total; m++) {
                int w = widths[m];
                if (w > 64) throw new ThriftCompactReader.Damaged("a delta bit width of " + w);
                long bit = (long) pos * 8;
                int bytes = perMini * w / 8;
                if (limit - pos < bytes) throw new ThriftCompactReader.Damaged("DELTA_BINARY_PACKED data ends early");
                for (int i = 0; i < perMini && n < total; i++) {
                    value += minDelta + bits(bit, w);
                    bit += w;
                    out[n++] = value;
                }
                pos += bytes;
            }
        }
        return out;
    }

    /** Offset just past the decoded values. */
    int end() {
        return pos;
    }

    private long bits(long bit, int width) {
        if (width == 0) return 0;
        int at = (int) (bit >>> 3), shift = (int) (bit & 7);
        // up to 64 bits spanning up to 9 bytes: gather the low 64 bits, then the spill
        long v = 0;
        int need = (shift + width + 7) >>> 3;
        for (int i = 0; i < Math.min(need, 8); i++) v |= (buf[at + i] & 0xFFL) << (8 * i);
        v >>>= shift;
        if (need == 9) v |= (buf[at + 8] & 0xFFL) << (64 - shift);
        return width == 64 ? v : v & ((1L << width) - 1);
    }

    private long varint() {
        long v = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (pos >= limit) throw new ThriftCompactReader.Damaged("DELTA_BINARY_PACKED data ends early");
            byte b = buf[pos++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) return v;
        }
        throw new ThriftCompactReader.Damaged("a varint longer than ten bytes");
    }

    private static long zigzag(long n) {
        return (n >>> 1) ^ -(n & 1);
    }
}
