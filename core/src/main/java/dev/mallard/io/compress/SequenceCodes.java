package dev.mallard.io.compress;

/**
 * The code tables of Zstandard sequences (RFC 8878 section 3.1.1.3.2.1): literal lengths and
 * match lengths are sent as a code plus extra bits (code c means {@code BASE[c] + read(BITS[c])}),
 * offsets as their bit count plus that many extra bits. Also the predefined distributions used
 * by the "predefined" compression mode.
 */
final class SequenceCodes {
    private SequenceCodes() {}

    static final int MAX_LL = 35;
    static final int MAX_ML = 52;
    static final int MAX_OF = 31;
    static final int MAX_LL_LOG = 9;
    static final int MAX_ML_LOG = 9;
    static final int MAX_OF_LOG = 8;

    static final int[] LL_BASE = {
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        16, 18, 20, 22, 24, 28, 32, 40, 48, 64, 128, 256, 512, 1024, 2048, 4096,
        8192, 16384, 32768, 65536};
    static final int[] LL_BITS = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 1, 1, 1, 2, 2, 3, 3, 4, 6, 7, 8, 9, 10, 11, 12,
        13, 14, 15, 16};
    static final int[] ML_BASE = {
        3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
        19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34,
        35, 37, 39, 41, 43, 47, 51, 59, 67, 83, 99, 131, 259, 515, 1027, 2051,
        4099, 8195, 16387, 32771, 65539};
    static final int[] ML_BITS = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 7, 8, 9, 10, 11,
        12, 13, 14, 15, 16};

    static final short[] LL_DEFAULT = {
        4, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1,
        2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 2, 1, 1, 1, 1, 1,
        -1, -1, -1, -1};
    static final int LL_DEFAULT_LOG = 6;
    static final short[] ML_DEFAULT = {
        1, 4, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1,
        -1, -1, -1, -1, -1};
    static final int ML_DEFAULT_LOG = 6;
    static final short[] OF_DEFAULT = {
        1, 1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1};
    static final int OF_DEFAULT_LOG = 5;

    /** Literal length to code: direct lookup below 64, then the highest bit picks the code. */
    private static final byte[] LL_CODE = new byte[64];
    /** Match length minus 3 to code: direct lookup below 128, then by highest bit. */
    private static final byte[] ML_CODE = new byte[128];

    static {
        for (int c = 0; c <= MAX_LL; c++) {
            for (int v = LL_BASE[c]; v < LL_CODE.length && v < LL_BASE[c] + (1 << LL_BITS[c]); v++) LL_CODE[v] = (byte) c;
        }
        for (int c = 0; c <= MAX_ML; c++) {
            for (int v = ML_BASE[c] - 3; v < ML_CODE.length && v < ML_BASE[c] - 3 + (1 << ML_BITS[c]); v++) ML_CODE[v] = (byte) c;
        }
    }

    static int literalLengthCode(int ll) {
        return ll < 64 ? LL_CODE[ll] : (31 - Integer.numberOfLeadingZeros(ll)) + 19;
    }

    static int matchLengthCode(int ml) {
        int m = ml - 3;
        return m < 128 ? ML_CODE[m] : (31 - Integer.numberOfLeadingZeros(m)) + 36;
    }
}
