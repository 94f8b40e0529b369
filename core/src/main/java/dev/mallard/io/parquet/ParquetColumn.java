package dev.mallard.io.parquet;

import dev.mallard.types.LogicalType;

/**
 * One column of a Parquet file as Mallard sees it, or one leaf inside a nested column. A flat
 * column is one leaf ({@code firstLeaf}, {@code leafCount} 1) read through {@code kind};
 * {@code maxDefinition} and {@code maxRepetition} are the leaf's highest levels (a flat optional
 * column has 1 and 0). A nested column (a group, or a repeated field) has its schema in
 * {@code node}, spans {@code leafCount} leaves, and is read as VARCHAR holding JSON text;
 * {@code unsupported} is set when one of its leaves has a type the reader cannot read.
 */
record ParquetColumn(String name, LogicalType type, int physicalType, int typeLength, ColumnKind kind, int firstLeaf,
                     int leafCount, int maxDefinition, int maxRepetition, SchemaNode node, String unsupported) {
    boolean nested() {
        return node != null;
    }
}
