package dev.mallard.engine;

import dev.mallard.types.LogicalType;
import dev.mallard.types.PhysicalType;
import java.util.List;

/**
 * The keys of a unique index and the row id holding each. A key is what {@link UniqueIndex#keyOf}
 * gives: one column's value in physical form, or a list of them.
 */
sealed interface KeyRows permits HashKeyRows, LongKeyRows {
    /** Marks a key without a row in {@link #get}. */
    long NONE = -1;

    /** A map for keys of {@code types}: primitive for one integer column (an id key of a million rows costs no boxed entries). */
    static KeyRows of(List<LogicalType> types) {
        if (types.size() == 1) {
            PhysicalType p = types.get(0).physicalType();
            if (p == PhysicalType.INT64 || p == PhysicalType.INT32) return new LongKeyRows();
        }
        return new HashKeyRows();
    }

    /** The row holding {@code key}, or {@link #NONE}. */
    long get(Object key);

    void put(Object key, long row);

    void remove(Object key);

    int size();
}
