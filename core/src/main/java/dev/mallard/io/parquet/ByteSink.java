package dev.mallard.io.parquet;

import java.util.Arrays;

/** A growable byte array with the little-endian writes Parquet's encodings use. */
final class ByteSink {
    private byte[] buf;
    private int size;

    ByteSink(int capacity) {
        buf = new byte[Math.max(capacity, 16)];
    }

    int size() {
        return size;
    }

    byte[] array() {
        return buf;
    }

    void reset() {
        size = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (buf.length - size >= more) return;
        long want = Math.max((long) buf.length * 2, (long) size + more);
        if (want > Integer.MAX_VALUE - 16) throw new IllegalStateException("a Parquet page beyond 2 GB");
        buf = Arrays.copyOf(buf, (int) want);
    }

    void write(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    void write(byte[] b) {
        write(b, 0, b.length);
    }

    void int32(int v) {
        ensure(4);
        buf[size] = (byte) v;
        buf[size + 1] = (byte) (v >>> 8);
        buf[size + 2] = (byte) (v >>> 16);
        buf[size + 3] = (byte) (v >>> 24);
        size += 4;
    }

    void int64(long v) {
        int32((int) v);
        int32((int) (v >>> 32));
    }

    /** Overwrites 4 bytes at {@code at} (a length known only after what follows it is written). */
    void int32At(int at, int v) {
        buf[at] = (byte) v;
        buf[at + 1] = (byte) (v >>> 8);
        buf[at + 2] = (byte) (v >>> 16);
        buf[at + 3] = (byte) (v >>> 24);
    }

    void varint(long v) {
        while ((v & ~0x7FL) != 0) {
            write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        write((int) v);
    }
}
