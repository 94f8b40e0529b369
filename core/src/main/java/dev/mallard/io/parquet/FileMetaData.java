package dev.mallard.io.parquet;

import java.util.ArrayList;
import java.util.List;

/**
 * A Parquet file's footer: the schema (flattened depth-first), the row groups with their column
 * chunks, and, per leaf column, whether min/max statistics follow the type's order
 * ({@code typeOrder}, from {@code column_orders}; absent means writers of that age may not have).
 */
record FileMetaData(int version, List<SchemaElement> schema, long numRows, List<RowGroup> rowGroups, String createdBy,
                    boolean[] typeOrder) {

    /** One row group: its rows, and one chunk per leaf column in schema order. */
    record RowGroup(long numRows, List<ColumnChunk> columns) {}

    /**
     * One column of one row group (ColumnChunk with its ColumnMetaData folded in): where its pages
     * lie ({@code dictionaryPageOffset} is -1 without a dictionary), how they are compressed, and
     * its statistics (null when not written).
     */
    record ColumnChunk(int type, List<String> path, int codec, long numValues, long totalCompressedSize, long dataPageOffset,
                       long dictionaryPageOffset, Statistics statistics) {
        /**
         * Offset of the chunk's first page: the dictionary page when there is one. Some old writers
         * put 0 in dictionary_page_offset to mean "none" (offset 0 is the magic, never a page), and
         * some put the dictionary at data_page_offset without the field; both read right this way.
         */
        long start() {
            return dictionaryPageOffset > 0 && dictionaryPageOffset < dataPageOffset ? dictionaryPageOffset : dataPageOffset;
        }
    }

    static FileMetaData of(ThriftStruct s) {
        List<SchemaElement> schema = new ArrayList<>();
        for (ThriftStruct e : s.structs(2)) schema.add(SchemaElement.of(e));
        if (schema.isEmpty()) throw new ThriftCompactReader.Damaged("a footer without a schema");
        List<RowGroup> groups = new ArrayList<>();
        for (ThriftStruct rg : s.structs(4)) {
            List<ColumnChunk> chunks = new ArrayList<>();
            for (ThriftStruct cc : rg.structs(1)) {
                if (cc.string(1) != null) throw new UnsupportedOperationException("column chunks stored in other files");
                ThriftStruct m = cc.struct(3);
                if (m == null) throw new ThriftCompactReader.Damaged("a column chunk without metadata");
                List<String> path = m.strings(3);
                chunks.add(new ColumnChunk(m.i32(1, -1), path, m.i32(4, 0), m.i64(5, 0), m.i64(7, 0), m.i64(9, -1), m.i64(11, -1),
                        Statistics.of(m.struct(12))));
            }
            groups.add(new RowGroup(rg.i64(3, 0), chunks));
        }
        List<ThriftStruct> orders = s.structs(7);
        boolean[] typeOrder = new boolean[orders.size()];
        for (int i = 0; i < typeOrder.length; i++) typeOrder[i] = orders.get(i).unionField() == 1;
        return new FileMetaData(s.i32(1, 1), schema, s.i64(3, 0), groups, s.string(6), orders.isEmpty() ? null : typeOrder);
    }
}
