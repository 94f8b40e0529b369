package dev.mallard.io.parquet;

/**
 * One node of a Parquet schema as the footer lists it (depth-first, a group followed by its
 * {@code numChildren} children). {@code logicalType} is the raw LogicalType union, or null when
 * the writer only set the legacy {@code convertedType} (-1 when neither).
 */
record SchemaElement(int type, int typeLength, int repetition, String name, int numChildren, int convertedType, int scale,
                     int precision, ThriftStruct logicalType) {
    static SchemaElement of(ThriftStruct s) {
        return new SchemaElement(s.i32(1, -1), s.i32(2, 0), s.i32(3, Thrift.REQUIRED), s.string(4), s.i32(5, 0), s.i32(6, -1),
                s.i32(7, 0), s.i32(8, 0), s.struct(10));
    }

    boolean isGroup() {
        return type < 0 || numChildren > 0;
    }
}
