package dev.mallard.io.parquet;

import java.util.List;

/**
 * A field of a nested column's schema: a group with {@code children}, or a leaf with its
 * {@code leaf} descriptor (levels, type). {@code shape} says how the group renders as JSON: an
 * object of its fields, a LIST (an array of its repeated child's elements) or a MAP (an object
 * of its key/value pairs). {@code definition} and {@code repetition} are the levels this field
 * reaches: how many optional-or-repeated and how many repeated fields lie on its path, itself
 * included.
 */
record SchemaNode(String name, int repetitionType, Shape shape, List<SchemaNode> children, ParquetColumn leaf, int definition,
                  int repetition) {
    enum Shape { LEAF, STRUCT, LIST, MAP }

    boolean repeated() {
        return repetitionType == Thrift.REPEATED;
    }

    boolean optional() {
        return repetitionType == Thrift.OPTIONAL;
    }
}
