package dev.mallard.io.parquet;

import dev.mallard.types.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a footer's schema into Mallard columns: each top-level field becomes one column, its type
 * chosen from the physical type and the logical annotation (the LogicalType union when present,
 * else the legacy ConvertedType). Types Mallard lacks map to the nearest one that keeps every
 * value: unsigned integers widen (UINT64 becomes DECIMAL(20, 0)), UUID, TIME and un-annotated
 * binary become VARCHAR, FLOAT16 becomes REAL. Nested fields (groups, repeated fields: LIST,
 * MAP, STRUCT) become one VARCHAR column each, read as JSON text ({@link NestedAssembler}). A
 * column of a type the reader cannot read is still listed, and fails only when read.
 */
final class ParquetSchema {
    private ParquetSchema() {}

    static List<ParquetColumn> columns(List<SchemaElement> schema) {
        SchemaElement root = schema.get(0);
        List<ParquetColumn> out = new ArrayList<>();
        int[] at = {1};
        int[] leaf = {0};
        for (int c = 0; c < root.numChildren(); c++) {
            if (at[0] >= schema.size()) throw new ThriftCompactReader.Damaged("a schema with fewer fields than it says");
            SchemaElement e = schema.get(at[0]);
            int first = leaf[0];
            if (e.isGroup() || e.repetition() == Thrift.REPEATED) {
                String[] unsupported = {null};
                SchemaNode node = node(schema, at, leaf, 0, 0, 0, unsupported);
                out.add(new ParquetColumn(e.name(), LogicalType.VARCHAR, -1, 0, null, first, leaf[0] - first, 0, 0, node,
                        unsupported[0]));
            } else {
                at[0]++;
                leaf[0]++;
                int def = e.repetition() == Thrift.OPTIONAL ? 1 : 0;
                try {
                    out.add(flat(e, first, def, 0));
                } catch (UnsupportedOperationException ex) { // only an error when the column is read
                    out.add(new ParquetColumn(e.name(), LogicalType.VARCHAR, e.type(), e.typeLength(), ColumnKind.STRING, first, 1, def,
                            0, null, ex.getMessage()));
                }
            }
        }
        return out;
    }

    /** The subtree at {@code at}, moving past it; leaves get their index and levels. */
    private static SchemaNode node(List<SchemaElement> schema, int[] at, int[] leaf, int depth, int def, int rep, String[] unsupported) {
        if (at[0] >= schema.size()) throw new ThriftCompactReader.Damaged("a schema with fewer fields than it says");
        SchemaElement e = schema.get(at[0]++);
        if (e.repetition() != Thrift.REQUIRED) def++;
        if (e.repetition() == Thrift.REPEATED) rep++;
        if (depth > 100) throw new ThriftCompactReader.Damaged("a schema nested too deeply");
        if (!e.isGroup()) {
            ParquetColumn column;
            try {
                column = flat(e, leaf[0], def, rep);
            } catch (UnsupportedOperationException ex) {
                if (unsupported[0] == null) unsupported[0] = ex.getMessage();
                column = new ParquetColumn(e.name(), LogicalType.VARCHAR, e.type(), e.typeLength(), ColumnKind.STRING, leaf[0], 1, def,
                        rep, null, ex.getMessage());
            }
            leaf[0]++;
            return new SchemaNode(e.name(), e.repetition(), SchemaNode.Shape.LEAF, List.of(), column, def, rep);
        }
        List<SchemaNode> children = new ArrayList<>();
        for (int i = 0; i < e.numChildren(); i++) children.add(node(schema, at, leaf, depth + 1, def, rep, unsupported));
        ThriftStruct lt = e.logicalType();
        int ann = lt == null ? -1 : lt.unionField();
        SchemaNode.Shape shape = SchemaNode.Shape.STRUCT;
        // LIST: one repeated child; MAP: one repeated child of key and value (MAP_KEY_VALUE is the legacy name)
        boolean oneRepeated = children.size() == 1 && children.get(0).repeated();
        if ((ann == Thrift.LT_LIST || e.convertedType() == Thrift.LIST) && oneRepeated) {
            shape = SchemaNode.Shape.LIST;
        } else if ((ann == Thrift.LT_MAP || e.convertedType() == Thrift.MAP || e.convertedType() == Thrift.MAP_KEY_VALUE)
                && oneRepeated && children.get(0).children().size() == 2) {
            shape = SchemaNode.Shape.MAP;
        }
        return new SchemaNode(e.name(), e.repetition(), shape, children, null, def, rep);
    }

    private static ParquetColumn flat(SchemaElement e, int leaf, int def, int rep) {
        ThriftStruct lt = e.logicalType();
        int ann = lt == null ? -1 : lt.unionField();
        int conv = e.convertedType();
        int type = e.type();
        LogicalType t;
        ColumnKind k;
        switch (type) {
            case Thrift.BOOLEAN -> {
                t = LogicalType.BOOLEAN;
                k = ColumnKind.BOOLEAN;
            }
            case Thrift.INT32 -> {
                if (ann == Thrift.LT_DECIMAL || conv == Thrift.DECIMAL) {
                    t = decimal(e);
                    k = ColumnKind.INT32_TO_LONG;
                } else if (ann == Thrift.LT_DATE || conv == Thrift.DATE) {
                    t = LogicalType.DATE;
                    k = ColumnKind.INT32;
                } else if (ann == Thrift.LT_TIME || conv == Thrift.TIME_MILLIS) {
                    t = LogicalType.VARCHAR;
                    k = ColumnKind.TIME_MILLIS;
                } else {
                    int bits = 32;
                    boolean signed = true;
                    if (ann == Thrift.LT_INTEGER) {
                        ThriftStruct i = lt.struct(Thrift.LT_INTEGER);
                        bits = i.i32(1, 32);
                        signed = i.bool(2, true);
                    } else if (conv >= Thrift.UINT_8 && conv <= Thrift.UINT_32) {
                        bits = 8 << (conv - Thrift.UINT_8);
                        signed = false;
                    } else if (conv >= Thrift.INT_8 && conv <= Thrift.INT_32) {
                        bits = 8 << (conv - Thrift.INT_8);
                    }
                    if (signed) {
                        t = bits == 8 ? LogicalType.TINYINT : bits == 16 ? LogicalType.SMALLINT : LogicalType.INTEGER;
                        k = ColumnKind.INT32;
                    } else {
                        t = bits == 8 ? LogicalType.SMALLINT : bits == 16 ? LogicalType.INTEGER : LogicalType.BIGINT;
                        k = bits == 8 ? ColumnKind.UINT8 : bits == 16 ? ColumnKind.UINT16 : ColumnKind.UINT32;
                    }
                }
            }
            case Thrift.INT64 -> {
                if (ann == Thrift.LT_DECIMAL || conv == Thrift.DECIMAL) {
                    t = decimal(e);
                    k = ColumnKind.INT64;
                } else if (ann == Thrift.LT_TIMESTAMP) {
                    t = LogicalType.TIMESTAMP;
                    k = switch (unit(lt.struct(Thrift.LT_TIMESTAMP))) {
                        case Thrift.MILLIS -> ColumnKind.TIMESTAMP_MILLIS;
                        case Thrift.NANOS -> ColumnKind.TIMESTAMP_NANOS;
                        default -> ColumnKind.TIMESTAMP_MICROS;
                    };
                } else if (conv == Thrift.TIMESTAMP_MILLIS || conv == Thrift.TIMESTAMP_MICROS) {
                    t = LogicalType.TIMESTAMP;
                    k = conv == Thrift.TIMESTAMP_MILLIS ? ColumnKind.TIMESTAMP_MILLIS : ColumnKind.TIMESTAMP_MICROS;
                } else if (ann == Thrift.LT_TIME || conv == Thrift.TIME_MICROS) {
                    t = LogicalType.VARCHAR;
                    k = ann == Thrift.LT_TIME && unit(lt.struct(Thrift.LT_TIME)) == Thrift.NANOS ? ColumnKind.TIME_NANOS
                            : ColumnKind.TIME_MICROS;
                } else if (ann == Thrift.LT_INTEGER && !lt.struct(Thrift.LT_INTEGER).bool(2, true) || conv == Thrift.UINT_64) {
                    t = LogicalType.decimal(20, 0);
                    k = ColumnKind.UINT64;
                } else {
                    t = LogicalType.BIGINT;
                    k = ColumnKind.INT64;
                }
            }
            case Thrift.INT96 -> {
                t = LogicalType.TIMESTAMP;
                k = ColumnKind.TIMESTAMP_MICROS; // the decoder already turned Julian day + nanos into micros
            }
            case Thrift.FLOAT -> {
                t = LogicalType.REAL;
                k = ColumnKind.FLOATING;
            }
            case Thrift.DOUBLE -> {
                t = LogicalType.DOUBLE;
                k = ColumnKind.FLOATING;
            }
            case Thrift.BYTE_ARRAY, Thrift.FIXED_LEN_BYTE_ARRAY -> {
                if (ann == Thrift.LT_DECIMAL || conv == Thrift.DECIMAL) {
                    t = decimal(e);
                    k = ColumnKind.BINARY_DECIMAL;
                } else if (type == Thrift.FIXED_LEN_BYTE_ARRAY && ann == Thrift.LT_UUID && e.typeLength() == 16) {
                    t = LogicalType.VARCHAR;
                    k = ColumnKind.UUID;
                } else if (type == Thrift.FIXED_LEN_BYTE_ARRAY && conv == Thrift.INTERVAL && e.typeLength() == 12) {
                    t = LogicalType.INTERVAL;
                    k = ColumnKind.INTERVAL;
                } else if (type == Thrift.FIXED_LEN_BYTE_ARRAY && ann == Thrift.LT_FLOAT16 && e.typeLength() == 2) {
                    t = LogicalType.REAL;
                    k = ColumnKind.FLOAT16;
                } else {
                    // STRING, ENUM, JSON, and un-annotated binary: Mallard has no BLOB, so bytes read as UTF-8 text
                    t = LogicalType.VARCHAR;
                    k = ColumnKind.STRING;
                }
            }
            default -> throw new UnsupportedOperationException("column \"" + e.name() + "\" has unknown physical type " + type);
        }
        return new ParquetColumn(e.name(), t, type, e.typeLength(), k, leaf, 1, def, rep, null, null);
    }

    private static int unit(ThriftStruct annotation) {
        ThriftStruct u = annotation == null ? null : annotation.struct(2);
        return u == null ? Thrift.MICROS : u.unionField();
    }

    private static LogicalType decimal(SchemaElement e) {
        int precision = e.precision(), scale = e.scale();
        ThriftStruct lt = e.logicalType();
        if (lt != null && lt.struct(Thrift.LT_DECIMAL) != null) {
            ThriftStruct d = lt.struct(Thrift.LT_DECIMAL);
            scale = d.i32(1, scale);
            precision = d.i32(2, precision);
        }
        // a precision beyond what the physical type holds (written by some tools) cannot have such values: narrow it
        if (e.type() == Thrift.INT32 || e.type() == Thrift.INT64) precision = Math.min(precision, LogicalType.MAX_INT64_DECIMAL_PRECISION);
        if (precision < 1 || precision > LogicalType.MAX_DECIMAL_PRECISION || scale < 0 || scale > precision) {
            throw new UnsupportedOperationException("column \"" + e.name() + "\" is DECIMAL(" + precision + ", " + scale
                    + "), beyond Mallard's DECIMAL (precision up to " + LogicalType.MAX_DECIMAL_PRECISION + ")");
        }
        return LogicalType.decimal(precision, scale);
    }
}
