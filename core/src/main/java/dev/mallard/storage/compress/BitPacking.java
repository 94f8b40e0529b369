package dev.mallard.storage.compress;

import java.util.Arrays;

/**
 * Values as unsigned offsets from a base, each in {@code width} bits (0 to 64), back to back in
 * little-endian bit order: the frame-of-reference packing every integer encoding builds on (plain
 * values, deltas, run values and run lengths, dictionary codes, string lengths).
 */
public final class BitPacking {
    private BitPacking() {}

    /** Bits needed for an unsigned value (0 for 0). */
    public static int width(long unsigned) {
        return 64 - Long.numberOfLeadingZeros(unsigned);
    }

    /** Bytes that {@code count} values of {@code width} bits take. */
    public static long bytes(long count, int width) {
        return (count * width + 7) >>> 3;
    }

    private static long mask(int width) {
        return width == 64 ? -1L : (1L << width) - 1;
    }

    /** Appends {@code values[from..from+count)} as {@code width}-bit offsets from {@code base}. */
    public static void pack(long[] values, int from, int count, long base, int width, PayloadWriter out) {
        if (width == 0 || count == 0) return;
        long mask = mask(width);
        int at = out.reserve((int) bytes(count, width));
        byte[] a = out.array();
        long acc = 0;
        int bits = 0; // bits of acc in use
        for (int i = from, end = from + count; i < end; i++) {
            long x = (values[i] - base) & mask;
            acc |= x << bits;
            bits += width;
            if (bits >= 64) {
                PayloadWriter.LONG.set(a, at, acc);
                at += 8;
                bits -= 64;
                int used = width - bits; // bits of x already in acc
                acc = used == 64 ? 0 : x >>> used;
            }
        }
        for (; bits > 0; bits -= 8, acc >>>= 8) a[at++] = (byte) acc;
    }

    /**
     * Decodes {@code count} values, the first being value number {@code first} of the packing that
     * starts at byte {@code offset} of {@code src}, into {@code dst[dstPos..]}, adding {@code base}.
     * {@code src} must extend {@link PayloadReader#SLACK} bytes past the packing.
     */
    public static void unpack(byte[] src, int offset, long first, int width, long base, long[] dst, int dstPos, int count) {
        if (width == 0) {
            Arrays.fill(dst, dstPos, dstPos + count, base);
            return;
        }
        long mask = mask(width);
        long bit = first * width;
        if (width <= 57) {
            // a value and its shift within the first byte fit one 8-byte load
            for (int k = 0; k < count; k++, bit += width) {
                long word = (long) PayloadWriter.LONG.get(src, offset + (int) (bit >>> 3));
                dst[dstPos + k] = base + ((word >>> (bit & 7)) & mask);
            }
        } else {
            for (int k = 0; k < count; k++, bit += width) {
                int b = offset + (int) (bit >>> 3);
                int shift = (int) (bit & 7);
                long word = (long) PayloadWriter.LONG.get(src, b) >>> shift;
                if (shift + width > 64) word |= (src[b + 8] & 0xFFL) << (64 - shift);
                dst[dstPos + k] = base + (word & mask);
            }
        }
    }
}
