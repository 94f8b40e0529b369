package dev.mallard.api.scan;

import dev.mallard.types.LogicalType;

/** One column of Java rows: its name, its SQL type, and how its values get into a vector. */
record JavaColumn(String name, LogicalType type, ColumnFiller filler) {
    JavaColumn withType(LogicalType t) {
        return new JavaColumn(name, t, filler);
    }
}
