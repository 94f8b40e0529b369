package dev.mallard.io.parquet;

import dev.mallard.types.LogicalType;

/**
 * One top-level column of a Parquet file as Mallard sees it. A flat column is one leaf
 * ({@code firstLeaf}, with {@code leafCount} 1) read through {@code kind}; {@code maxDefinition} is
 * 1 for an optional column and 0 for a required one. A nested column (a group, or a repeated
 * field) spans {@code leafCount} leaves and is not read: {@code unsupported} says why.
 */
record ParquetColumn(String name, LogicalType type, int physicalType, int typeLength, ColumnKind kind, int firstLeaf,
                     int leafCount, int maxDefinition, String unsupported) {
    boolean nested() {
        return unsupported != null;
    }
}
