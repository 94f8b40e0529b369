package dev.mallard.io.compress;

/**
 * The encoding side of finite state entropy coding (RFC 8878 section 4.1): normalizing a
 * histogram to a power-of-two total, writing the table description {@link FseTable#read} parses,
 * and encoding symbols so that the decoding table built from the same counts reproduces them.
 *
 * <p>The encoder runs backwards over the symbols. Its state is {@code tableSize + decoderState};
 * to encode a symbol it emits the low bits of the state that the decoder will read to come back
 * to it, then jumps to the state (among those decoding that symbol) the remaining high bits pick.
 * {@code deltaNbBits} folds "how many bits" into one addition and shift, and
 * {@code deltaFindState} indexes the symbol's run in {@code stateTable}.
 */
final class FseEncoder {
    final int log;
    /** One-symbol RLE mode: no state and no bits at all. */
    final boolean rle;
    private final int[] stateTable;
    private final int[] deltaNbBits;
    private final int[] deltaFindState;

    private FseEncoder(int log, boolean rle, int[] stateTable, int[] deltaNbBits, int[] deltaFindState) {
        this.log = log;
        this.rle = rle;
        this.stateTable = stateTable;
        this.deltaNbBits = deltaNbBits;
        this.deltaFindState = deltaFindState;
    }

    static FseEncoder rle() {
        return new FseEncoder(0, true, null, null, null);
    }

    static FseEncoder build(short[] norm, int lastSymbol, int log) {
        int size = 1 << log;
        int[] cumul = new int[lastSymbol + 2];
        int[] symbols = new int[size];
        int high = size - 1;
        for (int s = 0; s <= lastSymbol; s++) {
            if (norm[s] == -1) {
                cumul[s + 1] = cumul[s] + 1;
                symbols[high--] = s;
            } else {
                cumul[s + 1] = cumul[s] + norm[s];
            }
        }
        // The same spread as the decoder's table, so both agree on which states decode which symbol.
        int step = (size >>> 1) + (size >>> 3) + 3;
        int mask = size - 1;
        int pos = 0;
        for (int s = 0; s <= lastSymbol; s++) {
            for (int i = 0; i < norm[s]; i++) {
                symbols[pos] = s;
                do pos = (pos + step) & mask; while (pos > high);
            }
        }
        int[] stateTable = new int[size];
        for (int u = 0; u < size; u++) stateTable[cumul[symbols[u]]++] = size + u;
        int[] deltaNbBits = new int[lastSymbol + 1];
        int[] deltaFindState = new int[lastSymbol + 1];
        int total = 0;
        for (int s = 0; s <= lastSymbol; s++) {
            int n = norm[s];
            if (n == 0) {
                deltaNbBits[s] = ((log + 1) << 16) - size;
            } else if (n == -1 || n == 1) {
                deltaNbBits[s] = (log << 16) - size;
                deltaFindState[s] = total - 1;
                total++;
            } else {
                int maxBitsOut = log - (31 - Integer.numberOfLeadingZeros(n - 1));
                int minStatePlus = n << maxBitsOut;
                deltaNbBits[s] = (maxBitsOut << 16) - minStatePlus;
                deltaFindState[s] = total - n;
                total += n;
            }
        }
        return new FseEncoder(log, false, stateTable, deltaNbBits, deltaFindState);
    }

    /** The starting state for the last symbol encoded (first decoded); it costs no bits. */
    int init(int symbol) {
        if (rle) return 0;
        int nbBitsOut = (deltaNbBits[symbol] + (1 << 15)) >>> 16;
        int value = (nbBitsOut << 16) - deltaNbBits[symbol];
        return stateTable[(value >> nbBitsOut) + deltaFindState[symbol]];
    }

    int encode(BitWriter w, int state, int symbol) {
        if (rle) return 0;
        int nbBitsOut = (state + deltaNbBits[symbol]) >>> 16;
        w.add(state, nbBitsOut);
        return stateTable[(state >> nbBitsOut) + deltaFindState[symbol]];
    }

    void finish(BitWriter w, int state) {
        if (!rle) w.add(state, log);
    }

    /** A table size that suits {@code total} samples: smaller for few samples, large enough for the alphabet. */
    static int optimalLog(int maxLog, int total, int lastSymbol) {
        int log = maxLog;
        int maxBitsSrc = (31 - Integer.numberOfLeadingZeros(total - 1)) - 2;
        int minBits = Math.min((31 - Integer.numberOfLeadingZeros(total)) + 1, (31 - Integer.numberOfLeadingZeros(Math.max(1, lastSymbol))) + 2);
        if (maxBitsSrc < log) log = maxBitsSrc;
        if (minBits > log) log = minBits;
        return Math.max(5, Math.min(log, maxLog));
    }

    /**
     * Scales counts to sum to 2^log. Every present symbol keeps a nonzero probability: those that
     * would round to zero get -1 ("less than one", one state); the rounding error goes to or comes
     * from the most frequent symbols, whose relative cost barely changes.
     */
    static short[] normalize(int[] counts, int lastSymbol, int total, int log) {
        short[] norm = new short[lastSymbol + 1];
        int size = 1 << log;
        int sum = 0;
        int largest = 0;
        for (int s = 0; s <= lastSymbol; s++) {
            if (counts[s] == 0) continue;
            long scaled = (long) counts[s] * size / total;
            if (scaled == 0) {
                norm[s] = -1;
                sum += 1;
            } else {
                // Round to nearest, which lowers the coding cost versus always truncating.
                long rem = (long) counts[s] * size % total;
                if (rem * 2 >= total) scaled++;
                norm[s] = (short) scaled;
                sum += (int) scaled;
            }
            if (counts[s] > counts[largest]) largest = s;
        }
        int diff = size - sum;
        if (diff > 0) {
            norm[largest] += (short) diff;
        }
        while (diff < 0) {
            // Take one from the symbol with the largest normalized count until the table fits.
            int best = -1;
            for (int s = 0; s <= lastSymbol; s++) if (norm[s] > 1 && (best < 0 || norm[s] > norm[best])) best = s;
            norm[best]--;
            diff++;
        }
        return norm;
    }

    /** Writes the table description for {@code norm}; returns the position after it. */
    static int writeDescription(short[] norm, int lastSymbol, int log, byte[] out, int op) {
        int size = 1 << log;
        int nbBits = log + 1;
        int remaining = size + 1;
        int threshold = size;
        long acc = log - 5;
        int bits = 4;
        int symbol = 0;
        boolean previousZero = false;
        while (symbol <= lastSymbol && remaining > 1) {
            if (previousZero) {
                int start = symbol;
                while (norm[symbol] == 0) symbol++;
                // Runs of zero-probability symbols: 2-bit repeat fields of up to 3, 3 meaning "more follow".
                while (symbol >= start + 3) {
                    start += 3;
                    acc |= 3L << bits;
                    bits += 2;
                    if (bits >= 32) { LittleEndian.putInt(out, op, (int) acc); op += 4; acc >>>= 32; bits -= 32; }
                }
                acc |= (long) (symbol - start) << bits;
                bits += 2;
            }
            int count = norm[symbol++];
            int max = (2 * threshold - 1) - remaining;
            remaining -= Math.abs(count);
            count++;
            if (count >= threshold) count += max;
            acc |= (long) count << bits;
            bits += nbBits;
            if (count < max) bits--;
            previousZero = count == 1;
            while (remaining < threshold) {
                nbBits--;
                threshold >>= 1;
            }
            if (bits >= 32) { LittleEndian.putInt(out, op, (int) acc); op += 4; acc >>>= 32; bits -= 32; }
        }
        while (bits > 0) {
            out[op++] = (byte) acc;
            acc >>>= 8;
            bits -= 8;
        }
        return op;
    }

    /** Approximate cost in bits of coding {@code counts} with a table of normalized counts {@code norm}. */
    static double cost(int[] counts, int lastSymbol, short[] norm, int log) {
        double bits = 0;
        for (int s = 0; s <= lastSymbol; s++) {
            if (counts[s] == 0) continue;
            if (s >= norm.length || norm[s] == 0) return Double.MAX_VALUE;
            int n = norm[s] == -1 ? 1 : norm[s];
            bits += counts[s] * (log - Math.log(n) / Math.log(2));
        }
        return bits;
    }
}
