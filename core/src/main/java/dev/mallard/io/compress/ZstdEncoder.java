package dev.mallard.io.compress;

import java.util.Arrays;

/**
 * Writes one Zstandard frame: the content size and an XXH64 checksum in the header and trailer,
 * then 128 KB blocks, each stored RLE (one repeated byte), compressed, or raw when compressing
 * does not pay.
 *
 * <p>Compressed blocks come from a greedy LZ77 match finder: hash tables of 8- and 5-byte prefixes
 * over the whole input (so matches reach back into earlier blocks), a check of the last offset
 * first (column data repeats at fixed strides) and again one byte on when that beats a new
 * offset, backward extension of each match, and a skip that grows through data without matches. Literals are Huffman coded when that is smaller; each of the three
 * sequence code streams uses the predefined, an RLE or a fitted FSE table, whichever is cheaper.
 */
final class ZstdEncoder {
    private static final int BLOCK = ZstdDecoder.BLOCK_MAX;
    private static final int MIN_MATCH = 4;
    /** Matches at a new offset (not a repeat) must be this long to pay for the offset's bits. */
    private static final int NEW_OFFSET_MIN_MATCH = 6;
    /** Inputs up to this size are one segment (the window is the whole frame); larger ones use this window. */
    private static final int WINDOW_LOG = 23;
    private static final int MAX_HASH_LOG = 17;
    private static final long PRIME5 = 0xCF1BBCDCBBL;
    private static final long PRIME8 = 0xCF1BBCDCB7A56463L;

    private final byte[] in;
    private final int start;
    private final int maxOffset;
    private final int[] table;
    private final int[] t8;
    private final int hashShift;
    private int rep0 = 1, rep1 = 4, rep2 = 8;

    // The current block's sequences and literals.
    // Sized for the largest block of this input, so small pages do not pay for 128 KB blocks.
    private final int[] seqLL, seqML, seqOF;
    private int nbSeq;
    private final byte[] literals; // with slack for word-sized copies
    private int litCount;
    /** A compressed block is only kept if smaller than the raw one, but may run longer while being written. */
    private final byte[] scratch;

    private ZstdEncoder(byte[] in, int start, int len) {
        this.in = in;
        this.start = start;
        this.maxOffset = len <= (1 << WINDOW_LOG) ? len : 1 << WINDOW_LOG;
        int block = Math.min(len, BLOCK);
        int maxSequences = block / MIN_MATCH + 1;
        seqLL = new int[maxSequences];
        seqML = new int[maxSequences];
        seqOF = new int[maxSequences];
        literals = new byte[block + 16];
        // Literals, plus per sequence at most 14 bytes of codes and extra bits, plus headers and tables.
        scratch = new byte[block + maxSequences * 14 + 4096];
        int hashLog = 10;
        while (hashLog < MAX_HASH_LOG && (1 << hashLog) < len) hashLog++;
        this.table = new int[1 << hashLog];
        this.t8 = new int[1 << hashLog];
        this.hashShift = 64 - hashLog;
        Arrays.fill(table, -1);
        Arrays.fill(t8, -1);
    }

    static byte[] compress(byte[] in, int off, int len) {
        if (off < 0 || len < 0 || off > in.length - len) throw new IndexOutOfBoundsException("range " + off + "+" + len + " of " + in.length);
        byte[] out = new byte[len + 3 * (len / BLOCK + 1) + 32];
        int op = 0;
        LittleEndian.putInt(out, op, ZstdDecoder.MAGIC);
        op += 4;
        if (len <= 1 << WINDOW_LOG) {
            // Single segment: the content size doubles as the window size.
            if (len < 256) {
                out[op++] = (byte) (0x20 | 0x04);
                out[op++] = (byte) len;
            } else if (len < 65536 + 256) {
                out[op++] = (byte) (1 << 6 | 0x20 | 0x04);
                LittleEndian.putShort(out, op, len - 256);
                op += 2;
            } else {
                out[op++] = (byte) (2 << 6 | 0x20 | 0x04);
                LittleEndian.putInt(out, op, len);
                op += 4;
            }
        } else {
            out[op++] = (byte) (2 << 6 | 0x04);
            out[op++] = (byte) ((WINDOW_LOG - 10) << 3);
            LittleEndian.putInt(out, op, len);
            op += 4;
        }
        if (len == 0) {
            writeBlockHeader(out, op, true, 0, 0);
            op += 3;
        } else {
            ZstdEncoder e = new ZstdEncoder(in, off, len);
            for (int b = off, end = off + len; b < end; b += BLOCK) {
                int bEnd = Math.min(end, b + BLOCK);
                op = e.block(b, bEnd, bEnd == end, out, op);
            }
        }
        LittleEndian.putInt(out, op, (int) XxHash64.hash(in, off, len));
        op += 4;
        return Arrays.copyOf(out, op);
    }

    private static void writeBlockHeader(byte[] out, int op, boolean last, int type, int size) {
        int h = size << 3 | type << 1 | (last ? 1 : 0);
        out[op] = (byte) h;
        out[op + 1] = (byte) (h >>> 8);
        out[op + 2] = (byte) (h >>> 16);
    }

    private int block(int from, int to, boolean last, byte[] out, int op) {
        int size = to - from;
        byte first = in[from];
        int i = from + 1;
        while (i < to && in[i] == first) i++;
        if (i == to) {
            writeBlockHeader(out, op, last, 1, size);
            out[op + 3] = first;
            return op + 4;
        }
        int r0 = rep0, r1 = rep1, r2 = rep2;
        int compressed = size >= 16 ? compressBlock(from, to) : -1;
        if (compressed < 0 || compressed >= size) {
            // A raw block leaves the decoder's repeat offsets untouched, so ours must be too.
            rep0 = r0;
            rep1 = r1;
            rep2 = r2;
            writeBlockHeader(out, op, last, 0, size);
            System.arraycopy(in, from, out, op + 3, size);
            return op + 3 + size;
        }
        writeBlockHeader(out, op, last, 2, compressed);
        System.arraycopy(scratch, 0, out, op + 3, compressed);
        return op + 3 + compressed;
    }

    private int hash(int p) {
        return (int) (((LittleEndian.getLong(in, p) << 24) * PRIME5) >>> hashShift);
    }

    /** Finds this block's sequences, then encodes them into {@link #scratch}; returns the size. */
    private int compressBlock(int from, int to) {
        nbSeq = 0;
        litCount = 0;
        byte[] src = in;
        int[] t = table;
        int[] t8 = this.t8;
        int low = start;
        int anchor = from;
        int ip = from;
        int limit = to - 8;
        while (ip < limit) {
            int cur = LittleEndian.getInt(src, ip);
            if (ip > anchor && ip - rep0 >= low && LittleEndian.getInt(src, ip - rep0) == cur) {
                int len = MIN_MATCH + Lz77.matchLength(src, ip - rep0 + MIN_MATCH, ip + MIN_MATCH, to);
                t[hash(ip)] = ip;
                addSequence(anchor, ip, 1, len);
                ip += len;
                anchor = ip;
                continue;
            }
            if (ip > anchor && ip - rep1 >= low && LittleEndian.getInt(src, ip - rep1) == cur) {
                // The second offset (code 2 with literals); the two swap.
                int len = MIN_MATCH + Lz77.matchLength(src, ip - rep1 + MIN_MATCH, ip + MIN_MATCH, to);
                t[hash(ip)] = ip;
                addSequence(anchor, ip, 2, len);
                int swap = rep0;
                rep0 = rep1;
                rep1 = swap;
                ip += len;
                anchor = ip;
                continue;
            }
            // Two candidates: the last position with the same 8 bytes (long, reliable matches) and
            // the last with the same 5 bytes (short ones, taken only if they reach 6 bytes).
            long cur8 = LittleEndian.getLong(src, ip);
            int h8 = (int) ((cur8 * PRIME8) >>> hashShift);
            int cand = t8[h8];
            t8[h8] = ip;
            int h = hash(ip);
            int cand5 = t[h];
            t[h] = ip;
            boolean found = cand >= low && ip - cand <= maxOffset && LittleEndian.getLong(src, cand) == cur8;
            if (!found) {
                cand = cand5;
                found = cand >= low && ip - cand <= maxOffset && LittleEndian.getInt(src, cand) == cur;
            }
            if (found) {
                int probe = ip;
                while (ip > anchor && cand > low && src[ip - 1] == src[cand - 1]) {
                    ip--;
                    cand--;
                }
                int len = MIN_MATCH + Lz77.matchLength(src, cand + MIN_MATCH, ip + MIN_MATCH, to);
                int offset = ip - cand;
                if (len < NEW_OFFSET_MIN_MATCH) {
                    ip = probe + 1;
                    continue;
                }
                // A new offset costs about its bit length; the last offset one byte later costs a
                // literal. Column data (fixed-width values) usually does better with the latter.
                int next = probe + 1;
                if (next - rep0 >= low && next < limit && LittleEndian.getInt(src, next - rep0) == LittleEndian.getInt(src, next)) {
                    int repLen = MIN_MATCH + Lz77.matchLength(src, next - rep0 + MIN_MATCH, next + MIN_MATCH, to);
                    int newGain = len * 8 - (32 - Integer.numberOfLeadingZeros(offset + 3)) - 4;
                    int repGain = repLen * 8 - 8 * (next - ip) - 2;
                    if (repGain >= newGain) {
                        t[hash(next)] = next;
                        addSequence(anchor, next, 1, repLen);
                        ip = next + repLen;
                        anchor = ip;
                        continue;
                    }
                }
                if (ip > anchor && offset == rep0) {
                    addSequence(anchor, ip, 1, len);
                } else {
                    addSequence(anchor, ip, offset + 3, len);
                    rep2 = rep1;
                    rep1 = rep0;
                    rep0 = offset;
                }
                ip += len;
                anchor = ip;
                if (ip < limit) t[hash(ip - 2)] = ip - 2;
                // Right after a match, the previous offset often continues (a swapped pair of strides).
                while (ip < limit && ip - rep1 >= low && LittleEndian.getInt(src, ip - rep1) == LittleEndian.getInt(src, ip)) {
                    len = MIN_MATCH + Lz77.matchLength(src, ip - rep1 + MIN_MATCH, ip + MIN_MATCH, to);
                    t[hash(ip)] = ip;
                    addSequence(ip, ip, 1, len); // no literals: code 1 means the second offset, and they swap
                    int swap = rep0;
                    rep0 = rep1;
                    rep1 = swap;
                    ip += len;
                    anchor = ip;
                }
                continue;
            }
            ip += 1 + ((ip - anchor) >> 5);
        }
        int rest = to - anchor;
        System.arraycopy(src, anchor, literals, litCount, rest);
        litCount += rest;
        return encodeBlock();
    }

    private void addSequence(int litFrom, int litTo, int offsetValue, int matchLen) {
        int ll = litTo - litFrom;
        if (ll <= 16 && in.length - litFrom >= 16) {
            LittleEndian.putLong(literals, litCount, LittleEndian.getLong(in, litFrom));
            LittleEndian.putLong(literals, litCount + 8, LittleEndian.getLong(in, litFrom + 8));
        } else {
            System.arraycopy(in, litFrom, literals, litCount, ll);
        }
        litCount += ll;
        seqLL[nbSeq] = ll;
        seqML[nbSeq] = matchLen;
        seqOF[nbSeq] = offsetValue;
        nbSeq++;
    }

    private int encodeBlock() {
        byte[] out = scratch;
        int op = writeLiterals(out, 0);
        int n = nbSeq;
        if (n < 128) {
            out[op++] = (byte) n;
        } else if (n < 0x7F00) {
            out[op++] = (byte) ((n >>> 8) + 128);
            out[op++] = (byte) n;
        } else {
            out[op++] = (byte) 255;
            LittleEndian.putShort(out, op, n - 0x7F00);
            op += 2;
        }
        if (n == 0) return op;
        byte[] llCodes = new byte[n], mlCodes = new byte[n], ofCodes = new byte[n];
        int[] llHist = new int[SequenceCodes.MAX_LL + 1], mlHist = new int[SequenceCodes.MAX_ML + 1], ofHist = new int[SequenceCodes.MAX_OF + 1];
        for (int i = 0; i < n; i++) {
            int c = SequenceCodes.literalLengthCode(seqLL[i]);
            llCodes[i] = (byte) c;
            llHist[c]++;
            c = SequenceCodes.matchLengthCode(seqML[i]);
            mlCodes[i] = (byte) c;
            mlHist[c]++;
            c = 31 - Integer.numberOfLeadingZeros(seqOF[i]);
            ofCodes[i] = (byte) c;
            ofHist[c]++;
        }
        int modesAt = op++;
        TableChoice ll = choose(llHist, n, SequenceCodes.LL_DEFAULT, SequenceCodes.LL_DEFAULT_LOG, SequenceCodes.MAX_LL_LOG, out, op);
        op = ll.end;
        TableChoice of = choose(ofHist, n, SequenceCodes.OF_DEFAULT, SequenceCodes.OF_DEFAULT_LOG, SequenceCodes.MAX_OF_LOG, out, op);
        op = of.end;
        TableChoice ml = choose(mlHist, n, SequenceCodes.ML_DEFAULT, SequenceCodes.ML_DEFAULT_LOG, SequenceCodes.MAX_ML_LOG, out, op);
        op = ml.end;
        out[modesAt] = (byte) (ll.mode << 6 | of.mode << 4 | ml.mode << 2);

        // Sequences are written last to first, so the decoder, reading backwards, meets the first one first.
        FseEncoder llE = ll.encoder, ofE = of.encoder, mlE = ml.encoder;
        int[] llBits = SequenceCodes.LL_BITS, mlBits = SequenceCodes.ML_BITS;
        int[] llBase = SequenceCodes.LL_BASE, mlBase = SequenceCodes.ML_BASE;
        BitWriter w = new BitWriter(out, op);
        int last = n - 1;
        int mlState = mlE.init(mlCodes[last]);
        int ofState = ofE.init(ofCodes[last]);
        int llState = llE.init(llCodes[last]);
        w.add(seqLL[last] - llBase[llCodes[last]], llBits[llCodes[last]]);
        w.add(seqML[last] - mlBase[mlCodes[last]], mlBits[mlCodes[last]]);
        w.flush();
        w.add(seqOF[last], ofCodes[last]);
        w.flush();
        for (int i = last - 1; i >= 0; i--) {
            int llc = llCodes[i], mlc = mlCodes[i], ofc = ofCodes[i];
            ofState = ofE.encode(w, ofState, ofc);
            mlState = mlE.encode(w, mlState, mlc);
            llState = llE.encode(w, llState, llc);
            w.add(seqLL[i] - llBase[llc], llBits[llc]); // states take at most 26 bits, this 16
            w.flush();
            w.add(seqML[i] - mlBase[mlc], mlBits[mlc]);
            w.add(seqOF[i], ofc); // the offset value's bits below its top bit: at most 16 + 31 with the above
            w.flush();
        }
        mlE.finish(w, mlState);
        ofE.finish(w, ofState);
        llE.finish(w, llState);
        return w.close();
    }

    private record TableChoice(int mode, FseEncoder encoder, int end) {}

    private static final FseEncoder LL_PREDEFINED = FseEncoder.build(SequenceCodes.LL_DEFAULT, SequenceCodes.MAX_LL, SequenceCodes.LL_DEFAULT_LOG);
    private static final FseEncoder ML_PREDEFINED = FseEncoder.build(SequenceCodes.ML_DEFAULT, SequenceCodes.MAX_ML, SequenceCodes.ML_DEFAULT_LOG);
    private static final FseEncoder OF_PREDEFINED = FseEncoder.build(SequenceCodes.OF_DEFAULT, SequenceCodes.OF_DEFAULT.length - 1, SequenceCodes.OF_DEFAULT_LOG);

    /** Picks RLE for a single code, else the predefined table or a fitted one, by estimated size. */
    private static TableChoice choose(int[] hist, int total, short[] predefined, int predefinedLog, int maxLog, byte[] out, int op) {
        int last = hist.length - 1;
        while (hist[last] == 0) last--;
        int distinct = 0;
        for (int s = 0; s <= last; s++) if (hist[s] > 0) distinct++;
        if (distinct == 1) {
            out[op] = (byte) last;
            return new TableChoice(1, FseEncoder.rle(), op + 1);
        }
        double predefinedCost = FseEncoder.cost(hist, last, predefined, predefinedLog);
        int log = FseEncoder.optimalLog(maxLog, total, last);
        short[] norm = FseEncoder.normalize(hist, last, total, log);
        int end = FseEncoder.writeDescription(norm, last, log, out, op);
        double fittedCost = FseEncoder.cost(hist, last, norm, log) + 8.0 * (end - op);
        if (predefinedCost <= fittedCost) {
            FseEncoder e = predefined == SequenceCodes.LL_DEFAULT ? LL_PREDEFINED : predefined == SequenceCodes.ML_DEFAULT ? ML_PREDEFINED : OF_PREDEFINED;
            return new TableChoice(0, e, op);
        }
        return new TableChoice(2, FseEncoder.build(norm, last, log), end);
    }

    private int writeLiterals(byte[] out, int op) {
        int n = litCount;
        byte[] lits = literals;
        if (n >= 64) {
            int[] hist = new int[256];
            for (int i = 0; i < n; i++) hist[lits[i] & 0xFF]++;
            int distinct = 0;
            for (int c : hist) if (c > 0) distinct++;
            if (distinct == 1) {
                op = writeRawLiteralsHeader(out, op, n, 1);
                out[op++] = lits[0];
                return op;
            }
            HuffmanEncoder h = HuffmanEncoder.build(hist);
            if (h.estimate(hist) < n - (n >>> 4) - 64) {
                int end = writeHuffmanLiterals(h, out, op);
                if (end >= 0) return end;
            }
        }
        op = writeRawLiteralsHeader(out, op, n, 0);
        System.arraycopy(lits, 0, out, op, n);
        return op + n;
    }

    private static int writeRawLiteralsHeader(byte[] out, int op, int n, int type) {
        if (n < 32) {
            out[op++] = (byte) (type | n << 3);
        } else if (n < 4096) {
            out[op++] = (byte) (type | 1 << 2 | (n & 0xF) << 4);
            out[op++] = (byte) (n >>> 4);
        } else {
            out[op++] = (byte) (type | 3 << 2 | (n & 0xF) << 4);
            out[op++] = (byte) (n >>> 4);
            out[op++] = (byte) (n >>> 12);
        }
        return op;
    }

    /** Huffman-coded literals in 1 stream (up to 1023 bytes) or 4; -1 if they would not be smaller than raw. */
    private int writeHuffmanLiterals(HuffmanEncoder h, byte[] out, int op) {
        int n = litCount;
        boolean single = n <= 1023;
        int headerBytes = single ? 3 : n <= 16383 ? 4 : 5;
        int p = h.writeDescription(out, op + headerBytes);
        if (p < 0) return -1;
        if (single) {
            p = h.encodeStream(literals, 0, n, out, p);
        } else {
            int jump = p;
            p += 6;
            int segment = (n + 3) / 4;
            int s1 = p;
            p = h.encodeStream(literals, 0, segment, out, p);
            int s2 = p;
            p = h.encodeStream(literals, segment, 2 * segment, out, p);
            int s3 = p;
            p = h.encodeStream(literals, 2 * segment, 3 * segment, out, p);
            int s4 = p;
            p = h.encodeStream(literals, 3 * segment, n, out, p);
            if (s2 - s1 > 0xFFFF || s3 - s2 > 0xFFFF || s4 - s3 > 0xFFFF) return -1;
            LittleEndian.putShort(out, jump, s2 - s1);
            LittleEndian.putShort(out, jump + 2, s3 - s2);
            LittleEndian.putShort(out, jump + 4, s4 - s3);
        }
        int compressed = p - op - headerBytes;
        if (compressed >= n) return -1;
        int bits = single ? 10 : headerBytes == 4 ? 14 : 18;
        int sizeFormat = single ? 0 : headerBytes == 4 ? 2 : 3;
        long header = 2 | sizeFormat << 2 | (long) n << 4 | (long) compressed << (4 + bits);
        for (int i = 0; i < headerBytes; i++) out[op + i] = (byte) (header >>> (8 * i));
        return p;
    }
}
