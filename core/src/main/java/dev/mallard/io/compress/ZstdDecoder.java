package dev.mallard.io.compress;

import dev.mallard.MallardException;
import java.util.Arrays;

/**
 * Decodes Zstandard data (RFC 8878): any number of frames, skippable frames in between, each
 * frame a header then raw, RLE or compressed blocks, then an optional XXH64 checksum. The whole
 * output lives in one array, so the window is simply the frame's output so far; a back-reference
 * is checked against the frame start (no dictionaries are supported).
 *
 * <p>Every length, offset and size read from the input is checked before use, so corrupt input
 * fails with {@link MallardException.Storage#corrupted} naming the problem.
 */
final class ZstdDecoder {
    static final int MAGIC = 0xFD2FB528;
    static final int SKIPPABLE_MAGIC = 0x184D2A50; // low 4 bits vary
    static final int BLOCK_MAX = 128 * 1024;

    private static final FseTable LL_PREDEFINED = FseTable.predefined(SequenceCodes.LL_DEFAULT, SequenceCodes.LL_DEFAULT_LOG);
    private static final FseTable ML_PREDEFINED = FseTable.predefined(SequenceCodes.ML_DEFAULT, SequenceCodes.ML_DEFAULT_LOG);
    private static final FseTable OF_PREDEFINED = FseTable.predefined(SequenceCodes.OF_DEFAULT, SequenceCodes.OF_DEFAULT_LOG);

    private final byte[] in;
    private final int inEnd;
    /** The exact output size the caller expects, or -1: with it the output array never grows. */
    private final int expected;
    private byte[] out;
    /** Output bytes the decoder may fill: the expected size when known (a caller's buffer may be longer), else out's length. */
    private int capacity;
    private int pos;

    // State that lives for one frame.
    private int frameStart;
    /** Where the frame's output ends if its header gives the content size, else -1. */
    private long frameEnd;
    private int rep0, rep1, rep2;
    private HuffmanTable huffman;
    private FseTable llTable, ofTable, mlTable;

    // The current block's literals: either a range of the input (raw) or of the decoded buffer.
    private byte[] literalBuffer = new byte[0]; // grown on demand, with slack for word-sized copies
    private byte[] litSrc;
    private int litPos, litEnd;

    private ZstdDecoder(byte[] in, int inEnd, int expected) {
        this.in = in;
        this.inEnd = inEnd;
        this.expected = expected;
    }

    static byte[] decompress(byte[] in, int off, int len, int expectedSize) {
        if (expectedSize < -1) throw new IllegalArgumentException("expected size " + expectedSize);
        ZstdDecoder d = decode(in, off, len, expectedSize, new byte[expectedSize >= 0 ? expectedSize : (int) Math.min(Math.max(len * 4L, 64), 1 << 20)]);
        return d.pos == d.out.length ? d.out : Arrays.copyOf(d.out, d.pos);
    }

    /** Decompresses into {@code out} from its start exactly {@code expectedSize} bytes, which {@code out} must hold. */
    static void decompress(byte[] in, int off, int len, int expectedSize, byte[] out) {
        if (expectedSize < 0 || expectedSize > out.length) throw new IllegalArgumentException("expected size " + expectedSize + " for " + out.length + " bytes");
        decode(in, off, len, expectedSize, out);
    }

    private static ZstdDecoder decode(byte[] in, int off, int len, int expectedSize, byte[] out) {
        if (off < 0 || len < 0 || off > in.length - len) throw new IndexOutOfBoundsException("range " + off + "+" + len + " of " + in.length);
        ZstdDecoder d = new ZstdDecoder(in, off + len, expectedSize);
        d.out = out;
        d.capacity = expectedSize >= 0 ? expectedSize : out.length;
        int p = off;
        while (p < d.inEnd) {
            if (d.inEnd - p < 4) throw corrupt("truncated frame magic number");
            int magic = LittleEndian.getInt(in, p);
            if ((magic & 0xFFFFFFF0) == SKIPPABLE_MAGIC) {
                if (d.inEnd - p < 8) throw corrupt("truncated skippable frame header");
                long size = LittleEndian.getInt(in, p + 4) & 0xFFFFFFFFL;
                if (size > d.inEnd - p - 8) throw corrupt("skippable frame of " + size + " bytes runs past the input");
                p += 8 + (int) size;
                continue;
            }
            if (magic != MAGIC) throw corrupt("bad frame magic number 0x" + Integer.toHexString(magic));
            p = d.frame(p + 4);
        }
        if (expectedSize >= 0 && d.pos != expectedSize) {
            throw corrupt("decompressed " + d.pos + " bytes, expected " + expectedSize);
        }
        return d;
    }

    private void need(int p, int n, String what) {
        if (n < 0 || inEnd - p < n) throw corrupt("truncated " + what);
    }

    /** Makes room for {@code n} more output bytes, growing the array unless the size is fixed. */
    private void reserve(int n) {
        if (capacity - pos >= n) return;
        if (expected >= 0) throw corrupt("data decompresses to more than the expected " + expected + " bytes");
        long want = Math.max((long) out.length * 2, (long) pos + n);
        if ((long) pos + n > Integer.MAX_VALUE - 16) throw corrupt("decompressed data exceeds 2 GB");
        out = Arrays.copyOf(out, (int) Math.min(want, Integer.MAX_VALUE - 16));
        capacity = out.length;
    }

    private int frame(int p) {
        need(p, 1, "frame header");
        int descriptor = in[p++] & 0xFF;
        int fcsFlag = descriptor >>> 6;
        boolean singleSegment = (descriptor & 0x20) != 0;
        if ((descriptor & 0x08) != 0) throw corrupt("reserved bit set in frame header");
        boolean checksum = (descriptor & 0x04) != 0;
        int dictFlag = descriptor & 3;
        if (!singleSegment) {
            need(p, 1, "window descriptor");
            p++; // the window only bounds offsets, which are checked against the output itself
        }
        int dictBytes = dictFlag == 3 ? 4 : dictFlag;
        need(p, dictBytes, "dictionary id");
        long dictId = LittleEndian.getPartialLong(in, p, dictBytes);
        p += dictBytes;
        if (dictId != 0) throw corrupt("frame needs dictionary " + dictId + ", which is not available");
        int fcsBytes = fcsFlag == 0 ? (singleSegment ? 1 : 0) : 1 << fcsFlag;
        need(p, fcsBytes, "frame content size");
        long contentSize = -1;
        if (fcsBytes > 0) {
            contentSize = LittleEndian.getPartialLong(in, p, fcsBytes);
            if (fcsBytes == 2) contentSize += 256;
            if (contentSize < 0 || contentSize > Integer.MAX_VALUE - 16) throw corrupt("frame content size " + Long.toUnsignedString(contentSize) + " too large");
            if (expected >= 0 && contentSize > expected - pos) throw corrupt("frame content size " + contentSize + " exceeds the expected size");
            // Trust the declared size only so far: a tiny corrupt input must not allocate gigabytes.
            if (expected < 0) reserve((int) Math.min(contentSize, 1 << 24));
        }
        p += fcsBytes;

        frameStart = pos;
        frameEnd = contentSize >= 0 ? pos + contentSize : -1;
        rep0 = 1;
        rep1 = 4;
        rep2 = 8;
        huffman = null;
        llTable = ofTable = mlTable = null;
        for (boolean last = false; !last; ) {
            need(p, 3, "block header");
            int header = (in[p] & 0xFF) | (in[p + 1] & 0xFF) << 8 | (in[p + 2] & 0xFF) << 16;
            p += 3;
            last = (header & 1) != 0;
            int type = (header >>> 1) & 3;
            int size = header >>> 3;
            if (size > BLOCK_MAX) throw corrupt("block of " + size + " bytes exceeds the 128 KB maximum");
            switch (type) {
                case 0 -> {
                    need(p, size, "raw block");
                    reserve(size);
                    System.arraycopy(in, p, out, pos, size);
                    pos += size;
                    p += size;
                }
                case 1 -> {
                    need(p, 1, "RLE block");
                    reserve(size);
                    Arrays.fill(out, pos, pos + size, in[p]);
                    pos += size;
                    p += 1;
                }
                case 2 -> {
                    need(p, size, "compressed block");
                    compressedBlock(p, p + size);
                    p += size;
                }
                default -> throw corrupt("reserved block type");
            }
        }
        if (contentSize >= 0 && pos - frameStart != contentSize) {
            throw corrupt("frame decompressed to " + (pos - frameStart) + " bytes, its header says " + contentSize);
        }
        if (checksum) {
            need(p, 4, "content checksum");
            int stored = LittleEndian.getInt(in, p);
            int actual = (int) XxHash64.hash(out, frameStart, pos - frameStart);
            if (stored != actual) throw corrupt("content checksum mismatch");
            p += 4;
        }
        return p;
    }

    private void compressedBlock(int p, int end) {
        // Room for a whole block, but no more than the declared content size: growing past it
        // would only copy the output twice for nothing.
        if (expected < 0) reserve(frameEnd >= 0 ? (int) Math.max(0, Math.min(BLOCK_MAX, frameEnd - pos)) : BLOCK_MAX);
        int limit = (int) Math.min(capacity, (long) pos + BLOCK_MAX);
        p = literals(p, end);
        if (p >= end) throw corrupt("missing sequences section");
        int b0 = in[p++] & 0xFF;
        int nbSeq;
        if (b0 < 128) {
            nbSeq = b0;
        } else if (b0 < 255) {
            if (p >= end) throw corrupt("truncated sequence count");
            nbSeq = ((b0 - 128) << 8) + (in[p++] & 0xFF);
        } else {
            if (end - p < 2) throw corrupt("truncated sequence count");
            nbSeq = LittleEndian.getShort(in, p) + 0x7F00;
            p += 2;
        }
        if (nbSeq > 0) {
            if (p >= end) throw corrupt("missing sequence compression modes");
            int modes = in[p++] & 0xFF;
            if ((modes & 3) != 0) throw corrupt("reserved bits set in sequence compression modes");
            // Tables come in the order literal lengths, offsets, match lengths.
            int mode = modes >>> 6;
            llTable = table(mode, p, end, llTable, LL_PREDEFINED, SequenceCodes.MAX_LL, SequenceCodes.MAX_LL_LOG, "literal length");
            p += describedBytes(mode, llTable);
            mode = (modes >>> 4) & 3;
            ofTable = table(mode, p, end, ofTable, OF_PREDEFINED, SequenceCodes.MAX_OF, SequenceCodes.MAX_OF_LOG, "offset");
            p += describedBytes(mode, ofTable);
            mode = (modes >>> 2) & 3;
            mlTable = table(mode, p, end, mlTable, ML_PREDEFINED, SequenceCodes.MAX_ML, SequenceCodes.MAX_ML_LOG, "match length");
            p += describedBytes(mode, mlTable);
            sequences(p, end, nbSeq, limit);
        }
        int rest = litEnd - litPos;
        if (rest > limit - pos) throw overrun();
        System.arraycopy(litSrc, litPos, out, pos, rest);
        pos += rest;
    }

    /** Input bytes a table took: only the RLE and FSE modes describe one in the block. */
    private static int describedBytes(int mode, FseTable t) {
        return mode == 1 || mode == 2 ? t.headerBytes : 0;
    }

    private FseTable table(int mode, int p, int end, FseTable previous, FseTable predefined, int maxSymbol, int maxLog, String what) {
        switch (mode) {
            case 0:
                return predefined;
            case 1: {
                if (p >= end) throw corrupt("missing " + what + " RLE symbol");
                int s = in[p] & 0xFF;
                if (s > maxSymbol) throw corrupt(what + " RLE symbol " + s + " out of range");
                return FseTable.rle(s);
            }
            case 2:
                return FseTable.read(in, p, end, maxSymbol, maxLog, what);
            default:
                if (previous == null) throw corrupt("repeat mode for " + what + " codes without a previous table");
                return previous;
        }
    }

    /** Decodes the literals section and returns the position after it. */
    private int literals(int p, int end) {
        if (p >= end) throw corrupt("missing literals section");
        int b0 = in[p] & 0xFF;
        int type = b0 & 3;
        int sizeFormat = (b0 >>> 2) & 3;
        if (type <= 1) {
            int size;
            int headerBytes;
            if ((sizeFormat & 1) == 0) {
                size = b0 >>> 3;
                headerBytes = 1;
            } else if (sizeFormat == 1) {
                if (end - p < 2) throw corrupt("truncated literals header");
                size = (b0 >>> 4) | (in[p + 1] & 0xFF) << 4;
                headerBytes = 2;
            } else {
                if (end - p < 3) throw corrupt("truncated literals header");
                size = (b0 >>> 4) | (in[p + 1] & 0xFF) << 4 | (in[p + 2] & 0xFF) << 12;
                headerBytes = 3;
            }
            if (size > BLOCK_MAX) throw corrupt("literals section of " + size + " bytes exceeds the block maximum");
            p += headerBytes;
            if (type == 0) {
                if (end - p < size) throw corrupt("raw literals run past the block");
                litSrc = in;
                litPos = p;
                litEnd = p + size;
                return p + size;
            }
            if (p >= end) throw corrupt("missing RLE literal byte");
            literalRoom(size);
            Arrays.fill(literalBuffer, 0, size, in[p]);
            litSrc = literalBuffer;
            litPos = 0;
            litEnd = size;
            return p + 1;
        }
        int headerBytes = sizeFormat <= 1 ? 3 : sizeFormat + 2;
        int bits = sizeFormat <= 1 ? 10 : sizeFormat == 2 ? 14 : 18;
        if (end - p < headerBytes) throw corrupt("truncated literals header");
        long h = LittleEndian.getPartialLong(in, p, headerBytes);
        int mask = (1 << bits) - 1;
        int regenerated = (int) (h >>> 4) & mask;
        int compressed = (int) (h >>> (4 + bits)) & mask;
        if (regenerated > BLOCK_MAX) throw corrupt("literals section of " + regenerated + " bytes exceeds the block maximum");
        p += headerBytes;
        if (end - p < compressed) throw corrupt("compressed literals run past the block");
        int dataEnd = p + compressed;
        int q = p;
        literalRoom(regenerated);
        HuffmanTable t;
        if (type == 2) {
            t = HuffmanTable.read(in, p, dataEnd);
            q += t.headerBytes;
            huffman = t;
        } else {
            t = huffman;
            if (t == null) throw corrupt("treeless literals without a previous Huffman table");
        }
        if (sizeFormat == 0) {
            t.decodeStream(in, q, dataEnd - q, literalBuffer, 0, regenerated);
        } else {
            if (dataEnd - q < 6) throw corrupt("truncated Huffman jump table");
            int s1 = LittleEndian.getShort(in, q);
            int s2 = LittleEndian.getShort(in, q + 2);
            int s3 = LittleEndian.getShort(in, q + 4);
            q += 6;
            int s4 = dataEnd - q - s1 - s2 - s3;
            if (s4 < 1) throw corrupt("Huffman jump table sizes exceed the literals section");
            int segment = (regenerated + 3) / 4;
            int lastSegment = regenerated - 3 * segment;
            if (lastSegment < 0) throw corrupt("too few literals for four Huffman streams");
            t.decodeFourStreams(in, q, s1, s2, s3, s4, literalBuffer, 0, regenerated);
        }
        litSrc = literalBuffer;
        litPos = 0;
        litEnd = regenerated;
        return dataEnd;
    }

    private void literalRoom(int n) {
        if (literalBuffer.length < n + 16) literalBuffer = new byte[Math.max(n, Math.min(2 * literalBuffer.length, BLOCK_MAX)) + 16];
    }

    private void sequences(int p, int end, int nbSeq, int limit) {
        int[] llStates = llTable.states, ofStates = ofTable.states, mlStates = mlTable.states;
        int[] llBase = SequenceCodes.LL_BASE, llBits = SequenceCodes.LL_BITS;
        int[] mlBase = SequenceCodes.ML_BASE, mlBits = SequenceCodes.ML_BITS;
        byte[] o = out;
        byte[] lits = litSrc;
        int lp = litPos, le = litEnd;
        int op = pos;
        int r0 = rep0, r1 = rep1, r2 = rep2;
        BackwardBitReader br = new BackwardBitReader(in, p, end - p, "sequences");
        int llState = (int) br.read(llTable.accuracyLog);
        int ofState = (int) br.read(ofTable.accuracyLog);
        int mlState = (int) br.read(mlTable.accuracyLog);
        br.reload();
        for (int i = 0; i < nbSeq; i++) {
            int llE = llStates[llState], ofE = ofStates[ofState], mlE = mlStates[mlState];
            int ofCode = ofE & 0xFF;
            long ofValue = (1L << ofCode) + br.read(ofCode);
            // After a reload at most 7 bits are consumed; offsets up to 25 bits plus both lengths'
            // at most 32 extra bits still fit in the 64-bit window, so only longer ones reload here.
            if (ofCode > 25) br.reload();
            int mlCode = mlE & 0xFF, mlExtra = mlBits[mlCode];
            int ml = mlBase[mlCode] + (int) br.read(mlExtra);
            int llCode = llE & 0xFF, llExtra = llBits[llCode];
            int ll = llBase[llCode] + (int) br.read(llExtra);
            // The three state updates below take at most 26 bits (logs 9, 9 and 8); a reload is
            // needed first only when the extra bits since the last one leave fewer. Usually they
            // do not, and each sequence reloads once, at its end.
            if ((ofCode > 25 ? 0 : ofCode) + mlExtra + llExtra > 31) br.reload();
            int offset;
            if (ofValue > 3) {
                long o64 = ofValue - 3;
                offset = o64 > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) o64;
                r2 = r1;
                r1 = r0;
                r0 = offset;
            } else {
                // Repeat offsets; a sequence without literals shifts the choice by one.
                int idx = (int) ofValue - 1 + (ll == 0 ? 1 : 0);
                if (idx == 0) {
                    offset = r0;
                } else {
                    offset = idx == 1 ? r1 : idx == 2 ? r2 : r0 - 1;
                    if (idx != 1) r2 = r1;
                    r1 = r0;
                    r0 = offset;
                }
            }
            if (i + 1 < nbSeq) {
                llState = FseTable.base(llE) + (int) br.read(FseTable.nbBits(llE));
                mlState = FseTable.base(mlE) + (int) br.read(FseTable.nbBits(mlE));
                ofState = FseTable.base(ofE) + (int) br.read(FseTable.nbBits(ofE));
                br.reload();
            }
            if (ll > le - lp) throw corrupt("sequences use more literals than the block has");
            if (ll > limit - op || ml > limit - op - ll) {
                pos = op;
                throw overrun();
            }
            if (ll <= 16 && lits.length - lp >= 16 && limit - op >= 16) {
                // Short literal runs (the common case) as two word copies; the overshoot is overwritten next.
                LittleEndian.putLong(o, op, LittleEndian.getLong(lits, lp));
                if (ll > 8) LittleEndian.putLong(o, op + 8, LittleEndian.getLong(lits, lp + 8));
            } else {
                System.arraycopy(lits, lp, o, op, ll);
            }
            lp += ll;
            op += ll;
            if (offset <= 0 || offset > op - frameStart) throw corrupt("match offset " + offset + " points before the start of the frame");
            if (offset >= 8 && ml <= 16 && limit - op >= 16) {
                // Short matches (the common case in numbers) as two word copies, as the literals above.
                LittleEndian.putLong(o, op, LittleEndian.getLong(o, op - offset));
                if (ml > 8) LittleEndian.putLong(o, op + 8, LittleEndian.getLong(o, op - offset + 8));
            } else {
                Lz77.copyMatch(o, op, offset, ml, limit);
            }
            op += ml;
        }
        if (!br.finished()) throw corrupt("sequence bit stream does not end where its sequences do");
        rep0 = r0;
        rep1 = r1;
        rep2 = r2;
        pos = op;
        litPos = lp;
    }

    private MallardException.Storage overrun() {
        if (expected >= 0 && capacity - pos < BLOCK_MAX) return corrupt("data decompresses to more than the expected " + expected + " bytes");
        if (frameEnd >= 0 && capacity - pos < BLOCK_MAX) return corrupt("frame decompresses to more than its declared content size");
        return corrupt("block decompresses to more than 128 KB");
    }

    static MallardException.Storage corrupt(String what) {
        return MallardException.Storage.corrupted("corrupt Zstandard data: " + what);
    }
}
