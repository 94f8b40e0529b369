package dev.mallard.io.compress;

import dev.mallard.MallardException;
import java.util.Arrays;

/**
 * The Snappy raw block format (no framing): a varint with the uncompressed length, then a
 * sequence of elements, each a literal run or a back-reference copy. The tag byte's two low
 * bits pick the element type: 00 literal, 01 copy with an 11-bit offset and length 4..11,
 * 10 copy with a 2-byte offset, 11 copy with a 4-byte offset (lengths 1..64 for the last two).
 *
 * <p>The compressor follows the reference design: the input is cut into 64 KB fragments so that
 * every offset fits in the 1- or 2-byte copy forms and the hash table stays in the L1 cache, and
 * the search skips ahead faster and faster through data that does not match so incompressible
 * input costs little.
 */
public final class Snappy {
    /** Fragments are compressed independently; 64 KB keeps offsets in 16 bits. */
    private static final int FRAGMENT = 1 << 16;
    private static final int MAX_HASH_LOG = 14;
    /** The matcher stops this far before a fragment's end so its 4- and 8-byte loads stay in bounds. */
    private static final int INPUT_MARGIN = 15;

    private Snappy() {}

    /** The uncompressed length recorded in a block's preamble. */
    public static int uncompressedLength(byte[] in, int off, int len) {
        checkRange(in, off, len);
        long v = 0;
        for (int i = 0, shift = 0; ; i++, shift += 7) {
            if (i >= len || i >= 5) throw corrupt("bad length preamble");
            int b = in[off + i];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) break;
        }
        if (v > Integer.MAX_VALUE - 8) throw corrupt("uncompressed length " + v + " is too large");
        return (int) v;
    }

    private static int preambleBytes(byte[] in, int off) {
        int i = 0;
        while (in[off + i] < 0) i++;
        return i + 1;
    }

    /**
     * Decompresses one block into {@code out} at {@code outOff} and returns the uncompressed
     * length, which must fit in {@code out}; the decoded data is checked to be exactly that long.
     */
    public static int decompress(byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        int length = uncompressedLength(in, inOff, inLen);
        if (outOff < 0 || outOff > out.length) throw new IndexOutOfBoundsException("output offset " + outOff + " of " + out.length);
        // The buffer is sized from what the container (a Parquet page header) says; a block that
        // claims more is inconsistent with it, which is corruption rather than a caller's error.
        if (out.length - outOff < length) throw corrupt("block claims " + length + " bytes, more than the " + (out.length - outOff) + " expected");
        int ip = inOff + preambleBytes(in, inOff);
        int inEnd = inOff + inLen;
        int op = outOff;
        int outEnd = outOff + length;
        // In the fast region every element's tag and extra bytes, a short literal's 16 bytes and a
        // short copy's 16 bytes lie inside the arrays, so short elements are moved as two words
        // (the overshoot is overwritten by the next element) with no length checks.
        int inFast = inEnd - 17, outFast = outEnd - 16;
        while (ip < inEnd) {
            if (ip < inFast && op <= outFast) {
                long word = LittleEndian.getLong(in, ip);
                int tag = (int) word & 0xFF;
                int kind = tag & 3;
                if (kind == 0) {
                    int n = (tag >>> 2) + 1;
                    if (n <= 16) {
                        LittleEndian.putLong(out, op, LittleEndian.getLong(in, ip + 1));
                        LittleEndian.putLong(out, op + 8, LittleEndian.getLong(in, ip + 9));
                        ip += 1 + n;
                        op += n;
                        continue;
                    }
                } else if (kind != 3) {
                    // copy with a 1-byte (kind 1) or 2-byte offset (kind 2), picked without a branch:
                    // the two alternate unpredictably in data that compresses poorly
                    int one = (kind - 2) >> 31; // -1 for kind 1, 0 for kind 2
                    int len = ((4 + ((tag >>> 2) & 7)) & one) | (((tag >>> 2) + 1) & ~one);
                    int offset = ((((tag >>> 5) << 8) | ((int) (word >>> 8) & 0xFF)) & one) | ((int) (word >>> 8) & 0xFFFF & ~one);
                    if (offset >= 8 && offset <= op - outOff && len <= 16) {
                        int from = op - offset;
                        LittleEndian.putLong(out, op, LittleEndian.getLong(out, from));
                        LittleEndian.putLong(out, op + 8, LittleEndian.getLong(out, from + 8));
                        ip += 3 + one;
                        op += len;
                        continue;
                    }
                }
            }
            int tag = in[ip++] & 0xFF;
            int kind = tag & 3;
            if (kind == 0) {
                int n = tag >>> 2;
                if (n < 16 && inEnd - ip >= 16 && outEnd - op >= 16) {
                    // Short literal (the common case): two word copies; the overshoot is overwritten next.
                    n++;
                    LittleEndian.putLong(out, op, LittleEndian.getLong(in, ip));
                    LittleEndian.putLong(out, op + 8, LittleEndian.getLong(in, ip + 8));
                    ip += n;
                    op += n;
                    continue;
                }
                if (n >= 60) {
                    // 60..63: the length-1 follows in 1..4 little-endian bytes.
                    int bytes = n - 59;
                    if (inEnd - ip < bytes) throw corrupt("truncated literal length");
                    long v = 0;
                    for (int i = bytes - 1; i >= 0; i--) v = (v << 8) | (in[ip + i] & 0xFF);
                    ip += bytes;
                    if (v >= Integer.MAX_VALUE) throw corrupt("literal too long");
                    n = (int) v;
                }
                n++;
                if (inEnd - ip < n) throw corrupt("literal of " + n + " bytes runs past the input");
                if (outEnd - op < n) throw corrupt("literal runs past the uncompressed length");
                System.arraycopy(in, ip, out, op, n);
                ip += n;
                op += n;
                continue;
            }
            int len;
            int offset;
            if (kind == 1) {
                if (ip >= inEnd) throw corrupt("truncated copy");
                len = 4 + ((tag >>> 2) & 7);
                offset = ((tag >>> 5) << 8) | (in[ip++] & 0xFF);
            } else if (kind == 2) {
                if (inEnd - ip < 2) throw corrupt("truncated copy");
                len = (tag >>> 2) + 1;
                offset = LittleEndian.getShort(in, ip);
                ip += 2;
            } else {
                if (inEnd - ip < 4) throw corrupt("truncated copy");
                len = (tag >>> 2) + 1;
                offset = LittleEndian.getInt(in, ip);
                ip += 4;
            }
            if (offset <= 0 || offset > op - outOff) throw corrupt("copy offset " + Integer.toUnsignedString(offset) + " points before the start of the output");
            if (outEnd - op < len) throw corrupt("copy runs past the uncompressed length");
            Lz77.copyMatch(out, op, offset, len, outEnd);
            op += len;
        }
        if (op != outEnd) throw corrupt("decompressed " + (op - outOff) + " bytes, expected " + length);
        return length;
    }

    /** The largest compressed size of {@code len} bytes (a literal tag every 60 bytes at worst, plus slack). */
    public static int maxCompressedLength(int len) {
        return 32 + len + len / 6;
    }

    public static byte[] compress(byte[] in, int off, int len) {
        checkRange(in, off, len);
        byte[] out = new byte[maxCompressedLength(len)];
        int op = 0;
        for (int v = len; ; v >>>= 7) {
            if (v < 0x80) { out[op++] = (byte) v; break; }
            out[op++] = (byte) (v | 0x80);
        }
        int[] table = new int[1 << MAX_HASH_LOG];
        for (int pos = off, end = off + len; pos < end; pos += FRAGMENT) {
            int fragLen = Math.min(FRAGMENT, end - pos);
            op = compressFragment(in, pos, fragLen, out, op, table);
        }
        return Arrays.copyOf(out, op);
    }

    private static int hash(int bytes, int shift) {
        return (bytes * 0x1e35a7bd) >>> shift;
    }

    private static int compressFragment(byte[] in, int base, int len, byte[] out, int op, int[] table) {
        int end = base + len;
        int nextEmit = base;
        if (len >= INPUT_MARGIN + 2) {
            int hashLog = 8;
            while (hashLog < MAX_HASH_LOG && (1 << hashLog) < len) hashLog++;
            int shift = 32 - hashLog;
            Arrays.fill(table, 0, 1 << hashLog, 0); // 0 is the fragment start: a valid (if rarely matching) candidate
            int ipLimit = end - INPUT_MARGIN;
            int ip = base + 1;
            int nextHash = hash(LittleEndian.getInt(in, ip), shift);
            outer:
            for (;;) {
                // Probe positions until one's 4 bytes match the remembered candidate; the step grows
                // by one every 32 misses so long incompressible stretches are skimmed.
                int skip = 32;
                int nextIp = ip;
                int candidate;
                do {
                    ip = nextIp;
                    int h = nextHash;
                    nextIp = ip + (skip++ >>> 5);
                    if (nextIp > ipLimit) break outer;
                    nextHash = hash(LittleEndian.getInt(in, nextIp), shift);
                    candidate = base + table[h];
                    table[h] = ip - base;
                } while (LittleEndian.getInt(in, ip) != LittleEndian.getInt(in, candidate));
                op = emitLiteral(in, nextEmit, ip - nextEmit, out, op);
                // Emit copies back to back while the position after one match starts another.
                do {
                    int start = ip;
                    int matched = 4 + Lz77.matchLength(in, candidate + 4, ip + 4, end);
                    ip += matched;
                    op = emitCopy(out, op, start - candidate, matched);
                    nextEmit = ip;
                    if (ip >= ipLimit) break outer;
                    table[hash(LittleEndian.getInt(in, ip - 1), shift)] = ip - 1 - base;
                    int h = hash(LittleEndian.getInt(in, ip), shift);
                    candidate = base + table[h];
                    table[h] = ip - base;
                } while (LittleEndian.getInt(in, ip) == LittleEndian.getInt(in, candidate));
                ip++;
                nextHash = hash(LittleEndian.getInt(in, ip), shift);
            }
        }
        if (nextEmit < end) op = emitLiteral(in, nextEmit, end - nextEmit, out, op);
        return op;
    }

    private static int emitLiteral(byte[] in, int from, int len, byte[] out, int op) {
        int n = len - 1;
        if (n < 60) {
            out[op++] = (byte) (n << 2);
        } else {
            int bytes = n < (1 << 8) ? 1 : n < (1 << 16) ? 2 : n < (1 << 24) ? 3 : 4;
            out[op++] = (byte) ((59 + bytes) << 2);
            for (int i = 0; i < bytes; i++) out[op++] = (byte) (n >>> (8 * i));
        }
        System.arraycopy(in, from, out, op, len);
        return op + len;
    }

    private static int emitCopy(byte[] out, int op, int offset, int len) {
        // Pieces of 64, keeping the last piece at least 4 long so it can use the short form.
        while (len >= 68) { op = emitCopyUpTo64(out, op, offset, 64); len -= 64; }
        if (len > 64) { op = emitCopyUpTo64(out, op, offset, 60); len -= 60; }
        return emitCopyUpTo64(out, op, offset, len);
    }

    private static int emitCopyUpTo64(byte[] out, int op, int offset, int len) {
        if (len < 12 && offset < 2048) {
            out[op++] = (byte) (1 | ((len - 4) << 2) | ((offset >>> 8) << 5));
            out[op++] = (byte) offset;
        } else {
            out[op++] = (byte) (2 | ((len - 1) << 2));
            LittleEndian.putShort(out, op, offset);
            op += 2;
        }
        return op;
    }

    private static void checkRange(byte[] in, int off, int len) {
        if (off < 0 || len < 0 || off > in.length - len) throw new IndexOutOfBoundsException("range " + off + "+" + len + " of " + in.length);
    }

    private static MallardException.Storage corrupt(String what) {
        return MallardException.Storage.corrupted("corrupt Snappy data: " + what);
    }
}
