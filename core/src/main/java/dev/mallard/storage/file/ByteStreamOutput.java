package dev.mallard.storage.file;

import java.util.Arrays;

/** A {@link StreamOutput} into a growing byte array: the payload of one write-ahead log entry. */
public final class ByteStreamOutput implements StreamOutput {
    private byte[] data = new byte[256];
    private int size;

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(data, size);
    }

    /**
     * Reserves {@code n} bytes and returns where they start. Call it before naming {@code data}:
     * it may replace the array, and Java evaluates an array reference before its index.
     */
    private int room(int n) {
        if (size + n > data.length) data = Arrays.copyOf(data, Math.max(size + n, data.length * 2));
        int at = size;
        size += n;
        return at;
    }

    @Override
    public ByteStreamOutput writeByte(int v) {
        int at = room(1);
        data[at] = (byte) v;
        return this;
    }

    @Override
    public ByteStreamOutput writeShort(int v) {
        int at = room(2);
        data[at] = (byte) v;
        data[at + 1] = (byte) (v >>> 8);
        return this;
    }

    @Override
    public ByteStreamOutput writeInt(int v) {
        int at = room(4);
        for (int i = 0; i < 4; i++) data[at + i] = (byte) (v >>> (8 * i));
        return this;
    }

    @Override
    public ByteStreamOutput writeLong(long v) {
        int at = room(8);
        for (int i = 0; i < 8; i++) data[at + i] = (byte) (v >>> (8 * i));
        return this;
    }

    @Override
    public ByteStreamOutput writeBytes(byte[] a, int from, int length) {
        int at = room(length);
        System.arraycopy(a, from, data, at, length);
        return this;
    }
}
