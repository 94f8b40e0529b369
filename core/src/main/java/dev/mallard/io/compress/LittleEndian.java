package dev.mallard.io.compress;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Little-endian loads and stores on byte arrays. Both Snappy and Zstandard are little-endian
 * formats, and reading 4 or 8 bytes at once through a byte-array view (instead of assembling them
 * byte by byte) is what makes match finding and bit-stream refills fast without sun.misc.Unsafe.
 * The view handles check bounds themselves, so a wrong index fails loudly rather than reading
 * foreign memory; callers still bounds-check input-derived indexes to report corruption clearly.
 */
final class LittleEndian {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private LittleEndian() {}

    static int getInt(byte[] b, int off) { return (int) INT.get(b, off); }

    static long getLong(byte[] b, int off) { return (long) LONG.get(b, off); }

    static int getShort(byte[] b, int off) { return ((short) SHORT.get(b, off)) & 0xFFFF; }

    static void putInt(byte[] b, int off, int v) { INT.set(b, off, v); }

    static void putLong(byte[] b, int off, long v) { LONG.set(b, off, v); }

    static void putShort(byte[] b, int off, int v) { SHORT.set(b, off, (short) v); }

    /** Reads up to 8 bytes (fewer near the end of the array) as an unsigned little-endian value. */
    static long getPartialLong(byte[] b, int off, int n) {
        if (n >= 8) return getLong(b, off);
        long v = 0;
        for (int i = n - 1; i >= 0; i--) v = (v << 8) | (b[off + i] & 0xFFL);
        return v;
    }
}
