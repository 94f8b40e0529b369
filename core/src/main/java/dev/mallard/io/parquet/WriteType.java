package dev.mallard.io.parquet;

import dev.mallard.types.LogicalType;

/**
 * How the writer stores a Mallard type in Parquet: the physical type and the annotations, both
 * the LogicalType union (what current readers use) and the legacy ConvertedType where it means
 * the same thing (what old readers use). TIMESTAMP is written as a local timestamp
 * (isAdjustedToUTC false), which has no ConvertedType; INTERVAL has only the ConvertedType.
 */
record WriteType(LogicalType type, int physical, int typeLength, int convertedType, int logical) {
    static WriteType of(LogicalType t) {
        return switch (t.id()) {
            case BOOLEAN -> new WriteType(t, Thrift.BOOLEAN, 0, -1, -1);
            case TINYINT -> new WriteType(t, Thrift.INT32, 0, Thrift.INT_8, Thrift.LT_INTEGER);
            case SMALLINT -> new WriteType(t, Thrift.INT32, 0, Thrift.INT_16, Thrift.LT_INTEGER);
            case INTEGER -> new WriteType(t, Thrift.INT32, 0, -1, -1);
            case BIGINT -> new WriteType(t, Thrift.INT64, 0, -1, -1);
            case REAL -> new WriteType(t, Thrift.FLOAT, 0, -1, -1);
            case DOUBLE -> new WriteType(t, Thrift.DOUBLE, 0, -1, -1);
            case DECIMAL -> t.precision() <= 9 ? new WriteType(t, Thrift.INT32, 0, Thrift.DECIMAL, Thrift.LT_DECIMAL)
                    : t.precision() <= 18 ? new WriteType(t, Thrift.INT64, 0, Thrift.DECIMAL, Thrift.LT_DECIMAL)
                    : new WriteType(t, Thrift.FIXED_LEN_BYTE_ARRAY, 16, Thrift.DECIMAL, Thrift.LT_DECIMAL);
            case VARCHAR -> new WriteType(t, Thrift.BYTE_ARRAY, 0, Thrift.UTF8, Thrift.LT_STRING);
            case DATE -> new WriteType(t, Thrift.INT32, 0, Thrift.DATE, Thrift.LT_DATE);
            case TIMESTAMP -> new WriteType(t, Thrift.INT64, 0, -1, Thrift.LT_TIMESTAMP);
            case INTERVAL -> new WriteType(t, Thrift.FIXED_LEN_BYTE_ARRAY, 12, Thrift.INTERVAL, -1);
            case NULL -> new WriteType(t, Thrift.INT32, 0, -1, Thrift.LT_UNKNOWN);
        };
    }

    /** The leaf's SchemaElement: optional, so every type may hold NULL. */
    void writeSchemaElement(ThriftCompactWriter w, String name) {
        w.beginStruct();
        w.i32(1, physical);
        if (typeLength > 0) w.i32(2, typeLength);
        w.i32(3, Thrift.OPTIONAL);
        w.string(4, name);
        if (convertedType >= 0) w.i32(6, convertedType);
        if (type.id() == dev.mallard.types.TypeId.DECIMAL) {
            w.i32(7, type.scale());
            w.i32(8, type.precision());
        }
        if (logical >= 0) {
            w.structField(10);
            w.structField(logical);
            switch (logical) {
                case Thrift.LT_INTEGER -> {
                    w.i8(1, type.id() == dev.mallard.types.TypeId.TINYINT ? 8 : 16);
                    w.bool(2, true);
                }
                case Thrift.LT_DECIMAL -> {
                    w.i32(1, type.scale());
                    w.i32(2, type.precision());
                }
                case Thrift.LT_TIMESTAMP -> {
                    w.bool(1, false);
                    w.structField(2).structField(Thrift.MICROS).endStruct().endStruct();
                }
                default -> { } // STRING, DATE, UNKNOWN: empty structs
            }
            w.endStruct();
            w.endStruct();
        }
        w.endStruct();
    }
}
