package dev.mallard.vector;

/**
 * Makes the values of small string dictionaries the same objects everywhere they occur. Every
 * row group (and every Parquet column chunk) builds its own dictionary, so without this the
 * flag 'R' of one row group is a different String from the 'R' of the next, and a hash table
 * grouping or joining on the column compares their bytes row after row. Shared instances let
 * those comparisons end at the reference check that {@link String#equals} starts with.
 *
 * <p>The JVM's string table does the sharing: it holds its strings weakly, so a value nobody
 * uses any more is collected. Only small dictionaries are shared, where the lookups cost
 * nothing next to the rows they serve and the values are few.
 */
public final class SharedStrings {
    /** Dictionaries up to this many values are shared (those stored with one-byte codes). */
    public static final int MAX_VALUES = 256;

    private SharedStrings() {}

    /** Replaces {@code values[0..n)} by their shared instances when {@code n} is small enough. */
    public static void share(String[] values, int n) {
        if (n > MAX_VALUES) return;
        for (int i = 0; i < n; i++) {
            if (values[i] != null) values[i] = values[i].intern();
        }
    }
}
