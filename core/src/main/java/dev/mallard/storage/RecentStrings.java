package dev.mallard.storage;

/**
 * A few String objects met recently, by identity, each with a value the caller attached. Readers
 * share one String per repeated value (flags, categories, statuses), so work that depends only on
 * the value — its hash for a distinct-count sketch, its comparisons for a zone map, finding the
 * instance a segment shares — is done once per object instead of once per row. Direct-mapped by
 * the string's hash code (which the string caches): a miss costs no more than the work the caller
 * does anyway, and strings that are not shared simply never hit.
 */
final class RecentStrings {
    private static final int SLOTS = 16;
    private final String[] keys = new String[SLOTS];
    private final String[] values = new String[SLOTS];

    /** What was attached to this very object, or null when it was not met recently. */
    String get(String s) {
        int i = s.hashCode() & (SLOTS - 1);
        return keys[i] == s ? values[i] : null;
    }

    /** Whether this very object was met recently; remembers it when not. */
    boolean seen(String s) {
        int i = s.hashCode() & (SLOTS - 1);
        if (keys[i] == s) return true;
        keys[i] = s;
        values[i] = s;
        return false;
    }

    void put(String s, String value) {
        int i = s.hashCode() & (SLOTS - 1);
        keys[i] = s;
        values[i] = value;
    }
}
