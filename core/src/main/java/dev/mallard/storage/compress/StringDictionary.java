package dev.mallard.storage.compress;

import java.util.HashMap;

/**
 * The distinct values of a column of strings and a code per row, when there are few enough to be
 * worth it: at most half as many as rows (the rule the in-memory packing uses, so a segment read
 * back keeps the form it had) and at most 2^16.
 */
public record StringDictionary(String[] values, long[] codes) {
    /**
     * After how many rows a column that has shown more distinct values than half of them is given
     * up on (comments are, from the start): growing steps, so a mostly distinct column costs a few
     * dozen hash lookups and a column whose values start to repeat late is still seen through.
     */
    private static final int[] CHECKS = {64, 1024, 8192};
    private static final int MAX_VALUES = 1 << 16;

    /** The dictionary of {@code values[0..rows)}, null when it does not pay; null values take a neighbour's code. */
    public static StringDictionary build(String[] values, int rows) {
        HashMap<String, Integer> codes = new HashMap<>();
        long[] out = new long[rows];
        int previous = 0, check = 0;
        for (int i = 0; i < rows; i++) {
            if (check < CHECKS.length && i == CHECKS[check]) {
                if (codes.size() > i / 2) return null;
                check++;
            }
            String v = values[i];
            if (v != null) {
                Integer c = codes.putIfAbsent(v, codes.size());
                previous = c == null ? codes.size() - 1 : c;
                if (codes.size() > MAX_VALUES) return null;
            }
            out[i] = previous;
        }
        if (codes.isEmpty() || codes.size() * 2 > rows) return null;
        String[] dictionary = new String[codes.size()];
        codes.forEach((v, c) -> dictionary[c] = v);
        return new StringDictionary(dictionary, out);
    }
}
