package dev.mallard.cli;

import dev.mallard.types.LogicalType;
import java.util.List;
import java.util.Locale;

/** Names and types of the columns being printed. */
public record ResultColumns(List<String> names, List<LogicalType> types) {
    public ResultColumns {
        names = List.copyOf(names);
        types = List.copyOf(types);
        if (names.size() != types.size()) throw new IllegalArgumentException("one type per column name is needed");
    }

    int size() {
        return names.size();
    }

    /** Numbers are right-aligned so their digits line up. */
    boolean rightAligned(int column) {
        return types.get(column).isNumeric();
    }

    /** As the box header shows it, in lower case like duckdb's. */
    String typeName(int column) {
        return types.get(column).toString().toLowerCase(Locale.ROOT);
    }
}
