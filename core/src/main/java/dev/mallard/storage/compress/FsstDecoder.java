package dev.mallard.storage.compress;

/**
 * The decoding side of an {@link FsstSymbolTable}: symbol bytes and lengths by code, read from a
 * payload. Codes without a symbol have length 0, so damaged codes decode to a wrong total length,
 * which the caller checks, never to bytes from outside the table.
 */
public record FsstDecoder(long[] symbols, byte[] lengths) {

    static FsstDecoder read(PayloadReader r) {
        int n = r.getByte();
        if (n > FsstSymbolTable.MAX_SYMBOLS) throw PayloadReader.corrupted("an FSST table of " + n + " symbols");
        long[] symbols = new long[256];
        byte[] lengths = new byte[256];
        for (int c = 0; c < n; c++) {
            int length = r.getByte();
            if (length < 1 || length > 8) throw PayloadReader.corrupted("an FSST symbol of " + length + " bytes");
            int at = r.take(length);
            symbols[c] = (long) PayloadWriter.LONG.get(r.array(), at) & FsstSymbolTable.mask(length);
            lengths[c] = (byte) length;
        }
        return new FsstDecoder(symbols, lengths);
    }

    /**
     * Decodes codes {@code src[from..to)} into {@code out} from {@code at}, returning the end.
     * {@code out} must have 8 bytes of room past the decoded bytes: each symbol is stored as 8 bytes.
     */
    int decode(byte[] src, int from, int to, byte[] out, int at) {
        long[] symbols = this.symbols;
        byte[] lengths = this.lengths;
        int p = from;
        while (p < to) {
            int c = src[p++] & 0xFF;
            if (c != FsstSymbolTable.ESCAPE) {
                PayloadWriter.LONG.set(out, at, symbols[c]);
                at += lengths[c];
            } else {
                out[at++] = src[p++];
            }
        }
        if (p != to) throw PayloadReader.corrupted("an FSST escape cut off");
        return at;
    }
}
