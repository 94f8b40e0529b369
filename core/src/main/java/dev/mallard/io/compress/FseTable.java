package dev.mallard.io.compress;

import dev.mallard.MallardException;
import java.util.Arrays;

/**
 * A finite state entropy decoding table (RFC 8878 section 4.1). Each of the 2^accuracyLog states
 * stores, packed in one int, the symbol it decodes, how many bits to read for the next state, and
 * the base those bits are added to: {@code (base << 16) | (nbBits << 8) | symbol}.
 */
final class FseTable {
    final int accuracyLog;
    final int[] states;
    /** Bytes the table description took in the input (0 for tables not read from input). */
    final int headerBytes;

    private FseTable(int accuracyLog, int[] states, int headerBytes) {
        this.accuracyLog = accuracyLog;
        this.states = states;
        this.headerBytes = headerBytes;
    }

    static int symbol(int entry) { return entry & 0xFF; }

    static int nbBits(int entry) { return (entry >>> 8) & 0xFF; }

    static int base(int entry) { return entry >>> 16; }

    /** A table that always decodes {@code symbol} and reads no bits (the RLE mode). */
    static FseTable rle(int symbol) {
        return new FseTable(0, new int[] {symbol}, 1);
    }

    /**
     * Reads a table description: a 4-bit accuracy log (less 5), then each symbol's normalized
     * count in a variable number of bits that shrinks as the remaining probability does, with a
     * 2-bit repeat field after a zero count for runs of unused symbols.
     */
    static FseTable read(byte[] in, int p, int end, int maxSymbol, int maxLog, String what) {
        if (p >= end) throw corrupt("missing " + what + " table description");
        long bitPos = 0;
        int log = (int) bits(in, p, end, bitPos, 4) + 5;
        bitPos += 4;
        if (log > maxLog) throw corrupt(what + " table accuracy log " + log + " exceeds " + maxLog);
        short[] counts = new short[maxSymbol + 1];
        int remaining = (1 << log) + 1;
        int threshold = 1 << log;
        int nbBits = log + 1;
        int symbol = 0;
        boolean previousZero = false;
        while (remaining > 1 && symbol <= maxSymbol) {
            if (previousZero) {
                int repeat;
                do {
                    repeat = (int) bits(in, p, end, bitPos, 2);
                    bitPos += 2;
                    symbol += repeat;
                } while (repeat == 3);
                if (symbol > maxSymbol) throw corrupt(what + " table description repeats zeros past the last symbol");
            }
            int max = (2 * threshold - 1) - remaining;
            int v = (int) bits(in, p, end, bitPos, nbBits);
            int count;
            if ((v & (threshold - 1)) < max) {
                count = v & (threshold - 1);
                bitPos += nbBits - 1;
            } else {
                count = v & (2 * threshold - 1);
                if (count >= threshold) count -= max;
                bitPos += nbBits;
            }
            count--; // stored as count+1 so that -1 ("less than one") is representable
            remaining -= Math.abs(count);
            if (remaining < 1) throw corrupt(what + " table description exceeds its accuracy");
            counts[symbol++] = (short) count;
            previousZero = count == 0;
            while (remaining < threshold) {
                nbBits--;
                threshold >>= 1;
            }
        }
        if (remaining != 1) throw corrupt(what + " table description does not add up to its accuracy");
        int bytes = (int) ((bitPos + 7) >>> 3);
        if (bytes > end - p) throw corrupt("truncated " + what + " table description");
        return build(counts, symbol - 1, log, bytes, what);
    }

    /** Reads {@code n} (at most 32) bits at {@code bitPos} of a little-endian stream, zeros past its end. */
    private static long bits(byte[] in, int p, int end, long bitPos, int n) {
        int byteIndex = (int) (bitPos >>> 3);
        long v = 0;
        for (int i = 0; i < 5; i++) {
            int at = p + byteIndex + i;
            if (at < end) v |= (in[at] & 0xFFL) << (8 * i);
        }
        return (v >>> (bitPos & 7)) & ((1L << n) - 1);
    }

    /** Builds the decoding table for normalized counts (a count of -1 means probability "less than 1"). */
    static FseTable build(short[] counts, int lastSymbol, int log, int headerBytes, String what) {
        int size = 1 << log;
        // Holds each state's symbol first, then the packed entry that replaces it.
        int[] states = new int[size];
        int[] next = new int[lastSymbol + 1];
        // "Less than 1" symbols take one state each at the top of the table.
        int high = size - 1;
        for (int s = 0; s <= lastSymbol; s++) {
            if (counts[s] == -1) {
                states[high--] = s;
                next[s] = 1;
            } else {
                next[s] = counts[s];
            }
        }
        // The others are spread with a fixed odd step so each symbol's states are scattered.
        int step = (size >>> 1) + (size >>> 3) + 3;
        int mask = size - 1;
        int pos = 0;
        if (high == size - 1) {
            // No state is taken at the top, so the step visits every position once: lay the
            // symbols out in order first, then scatter them two at a time with no position test.
            // A table is built for every block, and this halves the time it takes.
            byte[] inOrder = new byte[size];
            int k = 0;
            for (int s = 0; s <= lastSymbol; s++) {
                int c = counts[s];
                if (c > size - k) throw corrupt(what + " table counts overfill the table");
                Arrays.fill(inOrder, k, k + c, (byte) s);
                k += c;
            }
            if (k != size) throw corrupt(what + " table counts do not fill the table");
            for (int i = 0; i < size; i += 2) {
                states[pos] = inOrder[i] & 0xFF;
                states[(pos + step) & mask] = inOrder[i + 1] & 0xFF;
                pos = (pos + 2 * step) & mask;
            }
        } else {
            for (int s = 0; s <= lastSymbol; s++) {
                for (int i = 0; i < counts[s]; i++) {
                    states[pos] = s;
                    do pos = (pos + step) & mask; while (pos > high);
                }
            }
            if (pos != 0) throw corrupt(what + " table counts do not fill the table");
        }
        for (int u = 0; u < size; u++) {
            int s = states[u];
            int x = next[s]++;
            int nb = log - (31 - Integer.numberOfLeadingZeros(x));
            int base = (x << nb) - size;
            states[u] = (base << 16) | (nb << 8) | s;
        }
        return new FseTable(log, states, headerBytes);
    }

    static FseTable predefined(short[] counts, int log) {
        return build(counts, counts.length - 1, log, 0, "predefined");
    }

    private static MallardException.Storage corrupt(String what) {
        return MallardException.Storage.corrupted("corrupt Zstandard data: " + what);
    }
}
