package dev.mallard.storage.compress;

import java.util.HashMap;

/**
 * The distinct values of a column of strings and a code per row, when there are few enough to be
 * worth it: at most half as many as rows (the rule the in-memory packing uses, so a segment read
 * back keeps the form it had) and at most 2^16.
 */
public record StringDictionary(String[] values, long[] codes) {
    /**
     * Where a column is given up on, and with how many distinct values: after 1024 rows if almost
     * all differ (comments and names: a log record of them then hashes half its values, not all),
     * after 8192 if more than half do (values that repeat, but too rarely to be worth codes).
     */
    private static final int[] CHECK_AT = {1024, 8192};
    private static final int[] MAX_DISTINCT_AT = {1000, 4096};
    private static final int MAX_VALUES = 1 << 16;

    /** The dictionary of {@code values[0..rows)}, null when it does not pay; null values take a neighbour's code. */
    public static StringDictionary build(String[] values, int rows) {
        HashMap<String, Integer> codes = new HashMap<>();
        long[] out = new long[rows];
        int previous = 0, check = 0;
        for (int i = 0; i < rows; i++) {
            if (check < CHECK_AT.length && i == CHECK_AT[check]) {
                if (codes.size() > MAX_DISTINCT_AT[check]) return null;
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
