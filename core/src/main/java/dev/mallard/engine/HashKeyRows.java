package dev.mallard.engine;

import java.util.HashMap;
import java.util.Map;

/** {@link KeyRows} of any key: a hash map. */
final class HashKeyRows implements KeyRows {
    private final Map<Object, Long> rows = new HashMap<>();

    @Override
    public long get(Object key) {
        Long row = rows.get(key);
        return row == null ? NONE : row;
    }

    @Override
    public void put(Object key, long row) {
        rows.put(key, row);
    }

    @Override
    public void remove(Object key) {
        rows.remove(key);
    }

    @Override
    public int size() {
        return rows.size();
    }
}
