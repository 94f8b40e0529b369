package dev.mallard.storage.compress;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable little-endian byte buffer holding one encoded segment while it is built: encoders
 * pack bits into it directly, which a {@code StreamOutput} cannot do, and the finished payload
 * goes to the stream in one {@code writeBytes}, after its length.
 */
public final class PayloadWriter {
    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] data;
    private int size;

    public PayloadWriter() {
        this(256);
    }

    public PayloadWriter(int capacity) {
        data = new byte[Math.max(capacity, 16)];
    }

    public int size() {
        return size;
    }

    /** The backing array: bytes {@code [0, size())} are the payload. */
    public byte[] array() {
        return data;
    }

    /** Makes room for {@code n} more bytes and returns where they start; they count as written. */
    public int reserve(int n) {
        if (n > data.length - size) {
            long want = Math.max((long) size + n, (long) data.length * 2);
            if (want > Integer.MAX_VALUE - 16) want = (long) size + n;
            if (want > Integer.MAX_VALUE - 16) throw new IllegalStateException("a segment payload of " + want + " bytes");
            data = Arrays.copyOf(data, (int) want);
        }
        int at = size;
        size += n;
        return at;
    }

    public PayloadWriter putByte(int v) {
        int at = reserve(1);
        data[at] = (byte) v;
        return this;
    }

    public PayloadWriter putInt(int v) {
        int at = reserve(4);
        INT.set(data, at, v);
        return this;
    }

    public PayloadWriter putLong(long v) {
        int at = reserve(8);
        LONG.set(data, at, v);
        return this;
    }

    public PayloadWriter putBytes(byte[] a, int from, int length) {
        int at = reserve(length);
        System.arraycopy(a, from, data, at, length);
        return this;
    }
}
