package dev.mallard.io.parquet;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes Thrift's compact protocol (the encoding of Parquet's footer and page headers) into
 * {@link ThriftStruct}s. Written from the Thrift compact protocol specification: integers are
 * zigzag varints, a field header packs the id delta and the type in one byte, booleans live in
 * the field header itself, collections carry their size and element type in a header byte.
 *
 * <p>Damaged input must fail with {@link Damaged}, never loop or allocate without bound: every
 * length is checked against the bytes left and nesting is limited.
 */
final class ThriftCompactReader {
    static final int STOP = 0, TRUE = 1, FALSE = 2, BYTE = 3, I16 = 4, I32 = 5, I64 = 6, DOUBLE = 7, BINARY = 8, LIST = 9,
            SET = 10, MAP = 11, STRUCT = 12;
    private static final int MAX_DEPTH = 64;

    /** Thrown on bytes that are not a valid encoding; callers turn it into an error naming the file. */
    static final class Damaged extends RuntimeException {
        Damaged(String message) {
            super(message);
        }
    }

    private final byte[] buf;
    private int pos;
    private final int end;

    ThriftCompactReader(byte[] buf, int off, int len) {
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
    }

    /** Offset just past what has been read: a page header's size is only known once it is decoded. */
    int position() {
        return pos;
    }

    ThriftStruct readStruct() {
        return readStruct(0);
    }

    private ThriftStruct readStruct(int depth) {
        if (depth > MAX_DEPTH) throw new Damaged("structs nested too deeply");
        ThriftStruct s = new ThriftStruct();
        int lastId = 0;
        while (true) {
            int header = readByte() & 0xFF;
            int type = header & 0x0F;
            if (type == STOP) return s;
            int delta = header >>> 4;
            // a zero delta means the id did not fit in four bits and follows as an i16
            int id = delta == 0 ? (short) zigzag(readVarint()) : lastId + delta;
            lastId = id;
            Object value = type == TRUE ? Boolean.TRUE : type == FALSE ? Boolean.FALSE : readValue(type, depth);
            s.put(id, value);
        }
    }

    private Object readValue(int type, int depth) {
        return switch (type) {
            case TRUE, FALSE -> readByte() == TRUE; // only inside collections: one byte per boolean
            case BYTE -> (long) readByte();
            case I16, I32, I64 -> zigzag(readVarint());
            case DOUBLE -> {
                need(8);
                long bits = 0;
                for (int i = 0; i < 8; i++) bits |= (buf[pos + i] & 0xFFL) << (8 * i);
                pos += 8;
                yield Double.longBitsToDouble(bits);
            }
            case BINARY -> {
                int n = length();
                byte[] b = java.util.Arrays.copyOfRange(buf, pos, pos + n);
                pos += n;
                yield b;
            }
            case LIST, SET -> {
                int h = readByte() & 0xFF;
                int size = h >>> 4;
                if (size == 15) size = length(); // 15 means the size follows as a varint
                int elem = h & 0x0F;
                // each element takes at least one byte, so a size beyond the bytes left is damage
                if (size > end - pos) throw new Damaged("a list of " + size + " elements in " + (end - pos) + " bytes");
                List<Object> out = new ArrayList<>(size);
                for (int i = 0; i < size; i++) out.add(readElement(elem, depth));
                yield out;
            }
            case MAP -> {
                int size = length();
                if (size > 0) {
                    int kv = readByte() & 0xFF;
                    for (int i = 0; i < size; i++) {
                        readElement(kv >>> 4, depth);
                        readElement(kv & 0x0F, depth);
                    }
                }
                yield null; // no Parquet field Mallard reads is a map
            }
            case STRUCT -> readStruct(depth + 1);
            default -> throw new Damaged("unknown Thrift type " + type);
        };
    }

    private Object readElement(int type, int depth) {
        return type == STRUCT ? readStruct(depth + 1) : readValue(type, depth);
    }

    private int length() {
        long n = readVarint();
        if (n < 0 || n > end - pos) throw new Damaged("a length of " + n + " with " + (end - pos) + " bytes left");
        return (int) n;
    }

    private byte readByte() {
        need(1);
        return buf[pos++];
    }

    private void need(int n) {
        if (end - pos < n) throw new Damaged("it ends in the middle of a value");
    }

    private long readVarint() {
        long v = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            byte b = readByte();
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) return v;
        }
        throw new Damaged("a varint longer than ten bytes");
    }

    private static long zigzag(long n) {
        return (n >>> 1) ^ -(n & 1);
    }
}
