package dev.mallard.storage.compress;

/**
 * The symbol table of FSST (Fast Static Symbol Table: Boncz, Neumann and Leis, VLDB 2020): up to
 * 255 symbols of 1 to 8 bytes, each replaced by a one-byte code; a byte no symbol covers is written
 * as the escape code 255 followed by the byte. Text such as TPC-H comments, built from a small
 * vocabulary, shrinks to about a third while each string stays decodable on its own, and decoding
 * is a table lookup and one 8-byte store per code.
 *
 * <p>Encoding finds the longest symbol at a position as the paper does: symbols of 3 bytes or more
 * in a hash table keyed by their first 3 bytes (one symbol per slot, so the builder drops a symbol
 * whose slot is taken), symbols of 2 bytes in a table indexed by the next two bytes, single bytes
 * in a table of 256. Built by {@link FsstTableBuilder}; read back as an {@link FsstDecoder}.
 */
public final class FsstSymbolTable {
    public static final int ESCAPE = 255;
    static final int MAX_SYMBOLS = 255;
    private static final int HASH_BITS = 12;

    /** Symbol bytes, little-endian (first byte lowest); bytes past the length are zero. */
    final long[] symbols = new long[256];
    /** Symbol lengths by code; 0 for codes without a symbol. */
    final byte[] lengths = new byte[256];
    int count;

    // Lookup for encoding: entries are (length << 16) | extended code, the extended code being
    // 256 + symbol code for a symbol and the byte itself (escaped) for a byte without a symbol.
    private final int[] byteCodes = new int[256];
    private final int[] shortCodes = new int[1 << 16];
    private final long[] hashSymbols = new long[1 << HASH_BITS];
    /** The bytes of a slot's symbol: the mask to compare the input with (an empty slot: 0, with symbol -1: never equal). */
    private final long[] hashMasks = new long[1 << HASH_BITS];
    private final int[] hashCodes = new int[1 << HASH_BITS];

    FsstSymbolTable() {
        for (int b = 0; b < 256; b++) byteCodes[b] = (1 << 16) | b;
        java.util.Arrays.fill(hashSymbols, -1L);
    }

    static long mask(int length) {
        return length == 8 ? -1L : (1L << (length << 3)) - 1;
    }

    private static int hash(long word) {
        long x = (word & 0xFFFFFF) * 2971215073L;
        return (int) (x ^ (x >>> 15)) & ((1 << HASH_BITS) - 1);
    }

    /** Adds a symbol; false if the table is full or the symbol's hash slot is taken. */
    boolean add(long value, int length) {
        if (count == MAX_SYMBOLS) return false;
        int entry = (length << 16) | (256 + count);
        if (length >= 3) {
            int h = hash(value);
            if (hashCodes[h] != 0) return false;
            hashSymbols[h] = value;
            hashMasks[h] = mask(length);
            hashCodes[h] = entry;
        } else if (length == 2) {
            shortCodes[(int) value & 0xFFFF] = entry;
        } else {
            byteCodes[(int) value & 0xFF] = entry;
        }
        symbols[count] = value;
        lengths[count] = (byte) length;
        count++;
        return true;
    }

    /** Completes the lookup after the last {@link #add}: two bytes without a symbol fall back to the first byte's entry. */
    void finish() {
        for (int i = 0; i < shortCodes.length; i++) {
            if (shortCodes[i] >>> 16 != 2) shortCodes[i] = byteCodes[i & 0xFF];
        }
    }

    /**
     * The longest symbol matching the bytes of {@code word} (the next 8 bytes of the input, first
     * byte lowest), of which {@code remaining} belong to the current string: (length << 16) |
     * extended code.
     */
    int longest(long word, int remaining) {
        int h = hash(word);
        int e = hashCodes[h];
        if (hashSymbols[h] == (word & hashMasks[h]) && e >>> 16 <= remaining) return e;
        e = shortCodes[(int) word & 0xFFFF];
        if (e >>> 16 <= remaining) return e;
        return byteCodes[(int) word & 0xFF];
    }

    /** The bytes and length of an extended code (see {@link #longest}). */
    long symbolOf(int extended) {
        return extended >= 256 ? symbols[extended - 256] : extended;
    }

    int lengthOf(int extended) {
        return extended >= 256 ? lengths[extended - 256] : 1;
    }

    /**
     * Encodes {@code src[from..to)} (one string) into {@code out} from {@code at}, returning the
     * end. {@code src} must extend 7 bytes past {@code to}; {@code out} needs room for 2 bytes per
     * input byte.
     */
    int encode(byte[] src, int from, int to, byte[] out, int at) {
        int p = from;
        while (p < to) {
            int e = longest((long) PayloadWriter.LONG.get(src, p), to - p);
            int code = e & 0xFFFF;
            if (code >= 256) {
                out[at++] = (byte) code; // the symbol's code: 256 + code, low byte
                p += e >>> 16;
            } else {
                out[at++] = (byte) ESCAPE;
                out[at++] = (byte) code;
                p++;
            }
        }
        return at;
    }

    /** Bytes {@link #write} takes. */
    int size() {
        int n = 1;
        for (int c = 0; c < count; c++) n += 1 + lengths[c];
        return n;
    }

    void write(PayloadWriter out) {
        out.putByte(count);
        for (int c = 0; c < count; c++) {
            int n = lengths[c];
            out.putByte(n);
            int at = out.reserve(n);
            for (int i = 0; i < n; i++) out.array()[at + i] = (byte) (symbols[c] >>> (i << 3));
        }
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("FSST[" + count + "]");
        for (int c = 0; c < count; c++) {
            byte[] a = new byte[lengths[c]];
            for (int i = 0; i < a.length; i++) a[i] = (byte) (symbols[c] >>> (i << 3));
            b.append(" '").append(new String(a, java.nio.charset.StandardCharsets.ISO_8859_1)).append('\'');
        }
        return b.toString();
    }
}
