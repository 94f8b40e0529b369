package dev.mallard.io.compress;

/** The two inner loops every LZ77 codec here shares: comparing for a match and copying one. */
final class Lz77 {
    private Lz77() {}

    /**
     * Copies a back-reference of {@code len} bytes from {@code offset} bytes back. Overlapping
     * copies (offset &lt; length) repeat a pattern, so they must go forward in steps no longer than
     * the offset; 8-byte steps are used when there is room for the overshoot before
     * {@code limit} (the overshoot is overwritten by later output).
     */
    static void copyMatch(byte[] out, int op, int offset, int len, int limit) {
        int src = op - offset;
        if (limit - op < len + 16) {
            // Too close to the end for whole-word overshoot: the plain forward loop.
            if (offset >= len) {
                System.arraycopy(out, src, out, op, len);
            } else {
                for (int i = 0; i < len; i++) out[op + i] = out[src + i];
            }
            return;
        }
        if (offset >= 8) {
            if (offset >= len && len >= 64) {
                System.arraycopy(out, src, out, op, len);
            } else {
                for (int i = 0; i < len; i += 8) LittleEndian.putLong(out, op + i, LittleEndian.getLong(out, src + i));
            }
            return;
        }
        // A short period: write the first 8+ bytes one at a time, then copy words from a whole
        // number of periods back (at least 8 bytes), which repeats the same pattern.
        int period = offset * ((8 + offset - 1) / offset);
        for (int i = 0; i < period; i++) out[op + i] = out[src + i];
        for (int i = period; i < len; i += 8) LittleEndian.putLong(out, op + i, LittleEndian.getLong(out, op + i - period));
    }

    /** How many bytes at {@code a} and {@code b} agree ({@code a < b}), reading no further than {@code end}. */
    static int matchLength(byte[] in, int a, int b, int end) {
        int n = 0;
        while (end - (b + n) >= 8) {
            long x = LittleEndian.getLong(in, a + n) ^ LittleEndian.getLong(in, b + n);
            if (x != 0) return n + (Long.numberOfTrailingZeros(x) >>> 3);
            n += 8;
        }
        while (b + n < end && in[a + n] == in[b + n]) n++;
        return n;
    }
}
