package dev.mallard.io.parquet;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Encodes Thrift's compact protocol, the inverse of {@link ThriftCompactReader}: the writer calls
 * field methods in increasing id order inside {@link #beginStruct()}/{@link #endStruct()}, and the
 * encoder keeps the previous id of each open struct to emit short id deltas.
 */
final class ThriftCompactWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    private final int[] lastIds = new int[64];
    private int depth;

    byte[] toByteArray() {
        return out.toByteArray();
    }

    ThriftCompactWriter beginStruct() {
        lastIds[++depth] = 0;
        return this;
    }

    /**
     * Continues a struct whose earlier fields (up to id {@code lastId}) another writer encoded:
     * the writer of a footer splices row groups encoded as they were written between its parts.
     */
    ThriftCompactWriter continueStruct(int lastId) {
        lastIds[++depth] = lastId;
        return this;
    }

    ThriftCompactWriter endStruct() {
        out.write(ThriftCompactReader.STOP);
        depth--;
        return this;
    }

    /** A struct-valued field: call {@link #endStruct()} after its fields. */
    ThriftCompactWriter structField(int id) {
        fieldHeader(id, ThriftCompactReader.STRUCT);
        return beginStruct();
    }

    ThriftCompactWriter i32(int id, int v) {
        fieldHeader(id, ThriftCompactReader.I32);
        varint(zigzag(v));
        return this;
    }

    ThriftCompactWriter i64(int id, long v) {
        fieldHeader(id, ThriftCompactReader.I64);
        varint(zigzag(v));
        return this;
    }

    ThriftCompactWriter i8(int id, int v) {
        fieldHeader(id, ThriftCompactReader.BYTE);
        out.write(v);
        return this;
    }

    ThriftCompactWriter bool(int id, boolean v) {
        fieldHeader(id, v ? ThriftCompactReader.TRUE : ThriftCompactReader.FALSE);
        return this;
    }

    ThriftCompactWriter binary(int id, byte[] v) {
        fieldHeader(id, ThriftCompactReader.BINARY);
        varint(v.length);
        out.writeBytes(v);
        return this;
    }

    ThriftCompactWriter string(int id, String v) {
        return binary(id, v.getBytes(StandardCharsets.UTF_8));
    }

    /** A list field's header; the caller then writes {@code size} elements of {@code elementType}. */
    ThriftCompactWriter listField(int id, int elementType, int size) {
        fieldHeader(id, ThriftCompactReader.LIST);
        if (size < 15) {
            out.write(size << 4 | elementType);
        } else {
            out.write(0xF0 | elementType);
            varint(size);
        }
        return this;
    }

    /** An i32 element of a list. */
    ThriftCompactWriter i32Element(int v) {
        varint(zigzag(v));
        return this;
    }

    /** A string element of a list. */
    ThriftCompactWriter stringElement(String v) {
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        varint(b.length);
        out.writeBytes(b);
        return this;
    }

    private void fieldHeader(int id, int type) {
        int delta = id - lastIds[depth];
        if (delta > 0 && delta <= 15) {
            out.write(delta << 4 | type);
        } else {
            out.write(type);
            varint(zigzag(id));
        }
        lastIds[depth] = id;
    }

    private void varint(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static long zigzag(long n) {
        return (n << 1) ^ (n >> 63);
    }
}
