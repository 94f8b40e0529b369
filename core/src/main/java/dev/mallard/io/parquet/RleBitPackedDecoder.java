package dev.mallard.io.parquet;

/**
 * Decodes Parquet's RLE/bit-packed hybrid encoding (definition and repetition levels, dictionary
 * indexes, RLE booleans): a sequence of runs, each headed by a varint whose low bit says which
 * kind follows. Even: the same value repeated {@code header >>> 1} times, stored once in
 * {@code ceil(bitWidth / 8)} little-endian bytes. Odd: {@code header >>> 1} groups of eight
 * values bit-packed least significant bit first.
 *
 * <p>The reader keeps the current run between calls, so a page's values can be taken in pieces.
 * A damaged run fails with {@link ThriftCompactReader.Damaged}; a last bit-packed group cut short
 * by its writer reads the missing bits as zero, as the specification allows padding there.
 */
final class RleBitPackedDecoder {
    private final byte[] buf;
    private int pos;
    private final int end;
    private final int bitWidth;
    private final int mask;
    // the current run: a repeated value, or bit-packed values starting at bit packedBit
    private int runLeft;
    private boolean packed;
    private int runValue;
    private long packedBit;

    RleBitPackedDecoder(byte[] buf, int off, int end, int bitWidth) {
        if (bitWidth < 0 || bitWidth > 32) throw new ThriftCompactReader.Damaged("a bit width of " + bitWidth);
        this.buf = buf;
        this.pos = off;
        this.end = end;
        this.bitWidth = bitWidth;
        this.mask = bitWidth == 32 ? -1 : (1 << bitWidth) - 1;
    }

    /** Fills {@code out[off..off+n)}. */
    void read(int[] out, int off, int n) {
        if (bitWidth == 0) { // one possible value: no runs are even needed
            java.util.Arrays.fill(out, off, off + n, 0);
            return;
        }
        while (n > 0) {
            if (runLeft == 0) nextRun();
            int take = Math.min(n, runLeft);
            if (packed) {
                unpack(out, off, take);
            } else {
                java.util.Arrays.fill(out, off, off + take, runValue);
            }
            off += take;
            n -= take;
            runLeft -= take;
        }
    }

    /**
     * Unpacks {@code n} values of the current bit-packed run. Each value is one little-endian
     * 8-byte load shifted into place (a value and its bit offset within a byte take at most 39
     * bits); only the last few values, whose load would reach past the run's data, go bit by bit.
     */
    private void unpack(int[] out, int off, int n) {
        long bit = packedBit;
        int w = bitWidth, m = mask, i = 0;
        long fast = (long) (end - 8) * 8; // values starting before this bit can load 8 bytes
        if (w <= 8) {
            // narrow values (dictionary indexes): a group of eight fills w whole bytes, one load for all
            for (; n - i >= 8 && (bit & 7) == 0 && bit < fast; i += 8) {
                long word = (long) LONG.get(buf, (int) (bit >>> 3));
                for (int j = 0; j < 8; j++) out[off + i + j] = (int) (word >>> (j * w)) & m;
                bit += 8L * w;
            }
        }
        for (; i < n && bit < fast; i++) {
            out[off + i] = (int) ((long) LONG.get(buf, (int) (bit >>> 3)) >>> (bit & 7)) & m;
            bit += w;
        }
        for (; i < n; i++) {
            out[off + i] = bits(bit);
            bit += w;
        }
        packedBit = bit;
    }

    private static final java.lang.invoke.VarHandle LONG = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
            java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * Whether the data starts with a repeated-value run of at least {@code n} copies of
     * {@code value}: definition levels of a page without NULLs, which then need no decoding.
     * Reads nothing past that run's header and value; the decoder is not usable afterwards.
     */
    boolean startsWithRun(int n, int value) {
        if (bitWidth == 0 || pos >= end) return false;
        readRun();
        return !packed && runLeft >= n && runValue == value;
    }

    /** The next value; for callers reading one at a time. */
    int next() {
        if (bitWidth == 0) return 0;
        if (runLeft == 0) nextRun();
        runLeft--;
        if (!packed) return runValue;
        int v = bits(packedBit);
        packedBit += bitWidth;
        return v;
    }

    /** Moves to the next run that holds values (empty runs are legal, if pointless: skipped in a loop, not by recursion). */
    private void nextRun() {
        do {
            readRun();
        } while (runLeft == 0);
    }

    private void readRun() {
        if (pos >= end) throw new ThriftCompactReader.Damaged("RLE data ends before its values");
        long header = 0;
        for (int shift = 0; ; shift += 7) {
            if (pos >= end || shift > 35) throw new ThriftCompactReader.Damaged("a damaged RLE run header");
            byte b = buf[pos++];
            header |= (long) (b & 0x7F) << shift;
            if (b >= 0) break;
        }
        if ((header & 1) == 0) {
            packed = false;
            runLeft = (int) (header >>> 1);
            int bytes = (bitWidth + 7) >>> 3;
            if (end - pos < bytes) throw new ThriftCompactReader.Damaged("an RLE run without its value");
            int v = 0;
            for (int i = 0; i < bytes; i++) v |= (buf[pos + i] & 0xFF) << (8 * i);
            pos += bytes;
            runValue = v & mask;
        } else {
            packed = true;
            long groups = header >>> 1;
            runLeft = (int) Math.min(Integer.MAX_VALUE, groups * 8);
            packedBit = (long) pos * 8;
            // the groups take exactly bitWidth bytes each; the next run starts after them
            pos = (int) Math.min(end, pos + groups * bitWidth);
        }
    }

    /** {@code bitWidth} bits from absolute bit offset {@code bit}, least significant first; bits past the end read as 0. */
    private int bits(long bit) {
        int byteAt = (int) (bit >>> 3), shift = (int) (bit & 7);
        long word = 0;
        for (int i = 0, need = (shift + bitWidth + 7) >>> 3; i < need; i++) {
            int at = byteAt + i;
            if (at < end) word |= (buf[at] & 0xFFL) << (8 * i);
        }
        return (int) (word >>> shift) & mask;
    }

    /** Bits needed to store values up to {@code max}. */
    static int bitWidth(int max) {
        return 32 - Integer.numberOfLeadingZeros(max);
    }
}
