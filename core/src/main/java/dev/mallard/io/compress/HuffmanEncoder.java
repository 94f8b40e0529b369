package dev.mallard.io.compress;

import java.util.Arrays;

/**
 * Huffman coding of Zstandard literals: code lengths limited to 11 bits, the canonical codes
 * {@link HuffmanTable} assigns, the tree description (4-bit weights, or FSE-compressed weights
 * when that is shorter or there are more than 128 of them), and the 1- or 4-stream encoding.
 */
final class HuffmanEncoder {
    static final int MAX_BITS = 11;

    private final int[] codes = new int[256];
    private final int[] lengths = new int[256];
    private final int lastSymbol;
    private final int maxBits;

    private HuffmanEncoder(int lastSymbol, int maxBits) {
        this.lastSymbol = lastSymbol;
        this.maxBits = maxBits;
    }

    /** Builds a code for the histogram; needs at least two distinct symbols. */
    static HuffmanEncoder build(int[] counts) {
        int last = 255;
        while (counts[last] == 0) last--;
        // Huffman's algorithm on sorted leaves with a second queue for merged nodes (no heap needed).
        int n = 0;
        long[] leaves = new long[256];
        for (int s = 0; s <= last; s++) if (counts[s] > 0) leaves[n++] = ((long) counts[s] << 8) | s;
        Arrays.sort(leaves, 0, n);
        int nodes = 2 * n - 1;
        long[] weight = new long[nodes];
        int[] parent = new int[nodes];
        for (int i = 0; i < n; i++) weight[i] = leaves[i] >>> 8;
        int leaf = 0, merged = n, next = n;
        while (next < nodes) {
            int a = (leaf < n && (merged >= next || weight[leaf] <= weight[merged])) ? leaf++ : merged++;
            int b = (leaf < n && (merged >= next || weight[leaf] <= weight[merged])) ? leaf++ : merged++;
            weight[next] = weight[a] + weight[b];
            parent[a] = next;
            parent[b] = next;
            next++;
        }
        int[] depth = new int[nodes];
        for (int i = nodes - 2; i >= 0; i--) depth[i] = depth[parent[i]] + 1;
        HuffmanEncoder e;
        int[] len = new int[n];
        for (int i = 0; i < n; i++) len[i] = depth[i];
        limitLengths(len, n);
        int maxLen = 0;
        for (int i = 0; i < n; i++) maxLen = Math.max(maxLen, len[i]);
        e = new HuffmanEncoder(last, maxLen);
        for (int i = 0; i < n; i++) e.lengths[(int) (leaves[i] & 0xFF)] = len[i];
        e.assignCodes();
        return e;
    }

    /**
     * Caps lengths at {@link #MAX_BITS} and restores a complete code (Kraft sum exactly one): the
     * capped codes overdraw the budget, which lengthening the longest codes below the cap repays;
     * any overshoot is then given back by shortening the longest codes. Leaves are sorted by
     * ascending count, so a higher index never gets a longer code than a lower one needs.
     */
    private static void limitLengths(int[] len, int n) {
        long target = 1L << MAX_BITS;
        long kraft = 0;
        for (int i = 0; i < n; i++) {
            if (len[i] > MAX_BITS) len[i] = MAX_BITS;
            kraft += 1L << (MAX_BITS - len[i]);
        }
        while (kraft > target) {
            // Lengthen the least frequent code that is still below the cap.
            int pick = -1;
            for (int i = 0; i < n; i++) if (len[i] < MAX_BITS && (pick < 0 || len[i] > len[pick])) pick = i;
            kraft -= 1L << (MAX_BITS - len[pick] - 1);
            len[pick]++;
        }
        while (kraft < target) {
            // Shorten the most frequent code whose gain still fits.
            int pick = -1;
            for (int i = n - 1; i >= 0; i--) {
                if (len[i] > 1 && kraft + (1L << (MAX_BITS - len[i])) <= target) { pick = i; break; }
            }
            kraft += 1L << (MAX_BITS - len[pick]);
            len[pick]--;
        }
    }

    /** Canonical codes in the decoder's table order: by increasing weight (decreasing length), then symbol. */
    private void assignCodes() {
        int pos = 0;
        for (int w = 1; w <= maxBits; w++) {
            int nb = maxBits + 1 - w;
            for (int s = 0; s <= lastSymbol; s++) {
                if (lengths[s] != nb) continue;
                codes[s] = pos >>> (w - 1);
                pos += 1 << (w - 1);
            }
        }
    }

    /** Estimated size in bytes of the encoded literals, without the tree description. */
    long estimate(int[] counts) {
        long bits = 0;
        for (int s = 0; s <= lastSymbol; s++) bits += (long) counts[s] * lengths[s];
        return (bits + 7) >>> 3;
    }

    /** Writes the tree description; returns the position after it, or -1 if it cannot be written. */
    int writeDescription(byte[] out, int op) {
        int count = lastSymbol; // weights of symbols 0..last-1; the last one is implied
        byte[] weights = new byte[count];
        for (int s = 0; s < count; s++) weights[s] = (byte) (lengths[s] == 0 ? 0 : maxBits + 1 - lengths[s]);
        int fseEnd = writeCompressedWeights(weights, count, out, op);
        if (count <= 128 && (fseEnd < 0 || fseEnd - op > 1 + (count + 1) / 2)) {
            out[op++] = (byte) (127 + count);
            for (int i = 0; i < count; i += 2) {
                int hi = weights[i];
                int lo = i + 1 < count ? weights[i + 1] : 0;
                out[op++] = (byte) (hi << 4 | lo);
            }
            return op;
        }
        return fseEnd;
    }

    /**
     * FSE-compresses the weights with two interleaved states, as the decoder expects, and checks
     * the result by decoding it (the two-state stream relies on reading past its start to stop).
     */
    private int writeCompressedWeights(byte[] weights, int count, byte[] out, int op) {
        if (count < 2) return -1;
        int[] hist = new int[13];
        int lastWeight = 0;
        for (int i = 0; i < count; i++) {
            hist[weights[i]]++;
            lastWeight = Math.max(lastWeight, weights[i]);
        }
        int log = FseEncoder.optimalLog(6, count, lastWeight);
        short[] norm = FseEncoder.normalize(hist, lastWeight, count, log);
        byte[] tmp = new byte[count + 64];
        int p = FseEncoder.writeDescription(norm, lastWeight, log, tmp, 1);
        FseEncoder fse = FseEncoder.build(norm, lastWeight, log);
        BitWriter w = new BitWriter(tmp, p);
        int i = count;
        int s1, s2;
        if ((count & 1) != 0) {
            s1 = fse.init(weights[--i]);
            s2 = fse.init(weights[--i]);
            s1 = fse.encode(w, s1, weights[--i]);
            w.flush();
        } else {
            s2 = fse.init(weights[--i]);
            s1 = fse.init(weights[--i]);
        }
        while (i > 0) {
            s2 = fse.encode(w, s2, weights[--i]);
            s1 = fse.encode(w, s1, weights[--i]);
            w.flush();
        }
        fse.finish(w, s2);
        fse.finish(w, s1);
        int end = w.close();
        int size = end - 1;
        if (size >= 128) return -1;
        tmp[0] = (byte) size;
        try {
            HuffmanTable t = HuffmanTable.read(tmp, 0, end);
            if (t.maxBits != maxBits || t.headerBytes != end) return -1;
            // Every symbol must decode from its own code; the table being a partition, that proves equality.
            for (int s = 0; s <= lastSymbol; s++) {
                if (lengths[s] == 0) continue;
                int e = t.entries[codes[s] << (maxBits - lengths[s])];
                if ((e >>> 8) != s || (e & 0xFF) != lengths[s]) return -1;
            }
        } catch (RuntimeException e) {
            return -1;
        }
        System.arraycopy(tmp, 0, out, op, end);
        return op + end;
    }

    /** Encodes one stream; returns the position after it. */
    int encodeStream(byte[] in, int from, int to, byte[] out, int op) {
        BitWriter w = new BitWriter(out, op);
        int[] c = codes, l = lengths;
        int i = to;
        // Backwards, so the decoder (reading from the end) meets the first literal first.
        while (i - from >= 4) {
            int s = in[--i] & 0xFF;
            w.add(c[s], l[s]);
            s = in[--i] & 0xFF;
            w.add(c[s], l[s]);
            s = in[--i] & 0xFF;
            w.add(c[s], l[s]);
            s = in[--i] & 0xFF;
            w.add(c[s], l[s]);
            w.flush();
        }
        while (i > from) {
            int s = in[--i] & 0xFF;
            w.add(c[s], l[s]);
        }
        return w.close();
    }
}
