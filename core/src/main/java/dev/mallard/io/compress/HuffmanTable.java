package dev.mallard.io.compress;

import dev.mallard.MallardException;

/**
 * A Huffman decoding table for Zstandard literals (RFC 8878 section 4.2). The tree is described
 * by a weight per symbol (the last one implied, so the weights form a complete prefix code); a
 * symbol of weight w gets a code of {@code maxBits + 1 - w} bits. The table has 2^maxBits entries
 * indexed by the next maxBits bits of the stream: a symbol of weight w fills 2^(w-1) consecutive
 * entries, symbols taken in order of increasing weight then symbol value, which is exactly the
 * canonical code assignment. Entries pack {@code (symbol << 8) | nbBits}.
 */
final class HuffmanTable {
    static final int MAX_BITS = 12;

    final int maxBits;
    final int[] entries;
    /** Bytes the tree description took in the input. */
    final int headerBytes;

    private HuffmanTable(int maxBits, int[] entries, int headerBytes) {
        this.maxBits = maxBits;
        this.entries = entries;
        this.headerBytes = headerBytes;
    }

    static HuffmanTable read(byte[] in, int p, int end) {
        if (p >= end) throw corrupt("missing Huffman tree description");
        int header = in[p] & 0xFF;
        byte[] weights = new byte[256];
        int count;
        int headerBytes;
        if (header >= 128) {
            // Direct representation: header-127 weights, two 4-bit weights per byte, high nibble first.
            count = header - 127;
            int bytes = (count + 1) / 2;
            if (bytes > end - p - 1) throw corrupt("truncated Huffman tree description");
            for (int i = 0; i < count; i++) {
                int b = in[p + 1 + i / 2];
                weights[i] = (byte) ((i & 1) == 0 ? (b >>> 4) & 0xF : b & 0xF);
            }
            headerBytes = 1 + bytes;
        } else {
            // FSE-compressed weights, decoded with two interleaved states.
            int size = header;
            if (size == 0 || size > end - p - 1) throw corrupt("bad Huffman tree description size");
            int from = p + 1;
            int to = from + size;
            FseTable fse = FseTable.read(in, from, to, MAX_BITS, 6, "Huffman weights");
            BackwardBitReader br = new BackwardBitReader(in, from + fse.headerBytes, size - fse.headerBytes, "Huffman weights");
            int[] st = fse.states;
            int log = fse.accuracyLog;
            int s1 = (int) br.read(log);
            int s2 = (int) br.read(log);
            br.reload();
            count = 0;
            // Each step emits a state's symbol, then moves it on; when that move reads past the start
            // of the stream the other state's symbol is the last one.
            for (;;) {
                int e = st[s1];
                weights[checkCount(count++)] = (byte) FseTable.symbol(e);
                s1 = FseTable.base(e) + (int) br.read(FseTable.nbBits(e));
                br.reload();
                if (br.overflowed()) {
                    weights[checkCount(count++)] = (byte) FseTable.symbol(st[s2]);
                    break;
                }
                e = st[s2];
                weights[checkCount(count++)] = (byte) FseTable.symbol(e);
                s2 = FseTable.base(e) + (int) br.read(FseTable.nbBits(e));
                br.reload();
                if (br.overflowed()) {
                    weights[checkCount(count++)] = (byte) FseTable.symbol(st[s1]);
                    break;
                }
            }
            headerBytes = 1 + size;
        }
        if (count > 255) throw corrupt("too many Huffman weights");
        int total = 0;
        for (int i = 0; i < count; i++) {
            int w = weights[i];
            if (w > MAX_BITS) throw corrupt("Huffman weight " + w + " too large");
            if (w > 0) total += 1 << (w - 1);
        }
        if (total == 0) throw corrupt("Huffman tree has no symbols");
        int maxBits = 32 - Integer.numberOfLeadingZeros(total); // highest bit of total, plus one
        if (maxBits > MAX_BITS) throw corrupt("Huffman codes longer than " + MAX_BITS + " bits");
        int rest = (1 << maxBits) - total;
        if (Integer.bitCount(rest) != 1) throw corrupt("Huffman weights do not form a complete tree");
        weights[count++] = (byte) (32 - Integer.numberOfLeadingZeros(rest)); // the implied last weight
        int[] entries = new int[1 << maxBits];
        int pos = 0;
        for (int w = 1; w <= maxBits; w++) {
            int nb = maxBits + 1 - w;
            int len = 1 << (w - 1);
            for (int s = 0; s < count; s++) {
                if (weights[s] != w) continue;
                int e = (s << 8) | nb;
                for (int i = 0; i < len; i++) entries[pos++] = e;
            }
        }
        return new HuffmanTable(maxBits, entries, headerBytes);
    }

    /** Decodes one stream of {@code size} bytes into exactly {@code count} symbols. */
    void decodeStream(byte[] in, int p, int size, byte[] out, int op, int count) {
        BackwardBitReader br = new BackwardBitReader(in, p, size, "Huffman");
        int[] t = entries;
        int mb = maxBits;
        int end = op + count;
        // Four symbols of at most 12 bits fit between reloads (4*12 + 7 <= 57).
        int fastEnd = end - 3;
        while (op < fastEnd) {
            int e = t[br.peek(mb)];
            br.skip(e & 0xFF);
            out[op] = (byte) (e >>> 8);
            e = t[br.peek(mb)];
            br.skip(e & 0xFF);
            out[op + 1] = (byte) (e >>> 8);
            e = t[br.peek(mb)];
            br.skip(e & 0xFF);
            out[op + 2] = (byte) (e >>> 8);
            e = t[br.peek(mb)];
            br.skip(e & 0xFF);
            out[op + 3] = (byte) (e >>> 8);
            op += 4;
            br.reload();
        }
        while (op < end) {
            int e = t[br.peek(mb)];
            br.skip(e & 0xFF);
            out[op++] = (byte) (e >>> 8);
            br.reload();
        }
        if (!br.finished()) throw corrupt("Huffman stream does not end where its literals do");
    }

    /**
     * Decodes four streams of {@code count} symbols in total, the first three holding
     * {@code (count + 3) / 4} each. The streams are independent, so decoding them in lockstep lets
     * the processor overlap four dependency chains instead of waiting on one.
     */
    void decodeFourStreams(byte[] in, int p, int s1, int s2, int s3, int s4, byte[] out, int op, int count) {
        int segment = (count + 3) / 4;
        BackwardBitReader b1 = new BackwardBitReader(in, p, s1, "Huffman");
        BackwardBitReader b2 = new BackwardBitReader(in, p + s1, s2, "Huffman");
        BackwardBitReader b3 = new BackwardBitReader(in, p + s1 + s2, s3, "Huffman");
        BackwardBitReader b4 = new BackwardBitReader(in, p + s1 + s2 + s3, s4, "Huffman");
        int[] t = entries;
        int mb = maxBits;
        int o1 = op, o2 = op + segment, o3 = op + 2 * segment, o4 = op + 3 * segment;
        int last = count - 3 * segment;
        // All four streams advance together while the shortest (the last) has 4 symbols left.
        int rounds = last / 4;
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 4; k++) {
                int e1 = t[b1.peek(mb)];
                int e2 = t[b2.peek(mb)];
                int e3 = t[b3.peek(mb)];
                int e4 = t[b4.peek(mb)];
                b1.skip(e1 & 0xFF);
                b2.skip(e2 & 0xFF);
                b3.skip(e3 & 0xFF);
                b4.skip(e4 & 0xFF);
                out[o1++] = (byte) (e1 >>> 8);
                out[o2++] = (byte) (e2 >>> 8);
                out[o3++] = (byte) (e3 >>> 8);
                out[o4++] = (byte) (e4 >>> 8);
            }
            b1.reload();
            b2.reload();
            b3.reload();
            b4.reload();
        }
        finish(b1, out, o1, op + segment);
        finish(b2, out, o2, op + 2 * segment);
        finish(b3, out, o3, op + 3 * segment);
        finish(b4, out, o4, op + count);
    }

    private void finish(BackwardBitReader br, byte[] out, int op, int end) {
        int[] t = entries;
        int mb = maxBits;
        while (op < end) {
            int e = t[br.peek(mb)];
            br.skip(e & 0xFF);
            out[op++] = (byte) (e >>> 8);
            br.reload();
        }
        if (!br.finished()) throw corrupt("Huffman stream does not end where its literals do");
    }

    private static int checkCount(int count) {
        if (count >= 255) throw corrupt("too many Huffman weights");
        return count;
    }

    private static MallardException.Storage corrupt(String what) {
        return MallardException.Storage.corrupted("corrupt Zstandard data: " + what);
    }
}
