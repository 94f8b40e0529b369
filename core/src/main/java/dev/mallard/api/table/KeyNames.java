package dev.mallard.api.table;

import dev.mallard.vector.IdentityInts;
import java.util.HashMap;
import java.util.Map;

/**
 * The column names that the keys of one call's rows stand for, cleaned ({@link Names#clean}) once
 * per distinct key rather than once per row: a million maps usually share a handful of key
 * strings, and a String caches its hash, so a lookup costs less than cleaning the name again.
 */
final class KeyNames {
    /** Past this many distinct keys (rows of generated names, say) new ones are cleaned each time instead of kept. */
    private static final int MAX_CACHED = 10_000;

    /**
     * A key as a column name: trimmed and checked, its case-insensitive form, and the number of that
     * form among the call's columns (keys that differ only in case share it), which indexes a
     * {@link RowBatch}'s columns without another lookup.
     */
    record Name(String clean, String key, int column) {}

    private final Map<String, Name> names = new HashMap<>();
    /**
     * In front of {@link #names}: the key objects met, by identity, with their place in
     * {@link #recent}. The rows of one call mostly share their key strings, so this answers almost
     * every lookup without a walk through the map.
     */
    private final IdentityInts recentKeys = new IdentityInts(64);
    private final java.util.List<Name> recent = new java.util.ArrayList<>();
    private final Map<String, Integer> columns = new HashMap<>();

    Name of(Object raw) {
        if (!(raw instanceof String s)) {
            throw dev.mallard.MallardException.Data.invalidArgument("row keys must be strings, found " + raw
                    + (raw == null ? "" : " (" + raw.getClass().getName() + ")"));
        }
        int at = recentKeys.get(s);
        if (at != IdentityInts.ABSENT) return recent.get(at);
        Name name = names.get(s);
        if (name == null) name = clean(s);
        if (recentKeys.isFull()) { // keys that are new objects every time
            recentKeys.clear();
            recent.clear();
        }
        recentKeys.put(s, recent.size());
        recent.add(name);
        return name;
    }

    private Name clean(String s) {
        String clean = Names.clean(s, "column");
        String key = Names.key(clean);
        Integer column = columns.get(key);
        if (column == null) {
            column = columns.size();
            columns.put(key, column);
        }
        Name name = new Name(clean, key, column);
        if (names.size() < MAX_CACHED) names.put(s, name);
        return name;
    }
}
