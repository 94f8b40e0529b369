package dev.mallard.storage.file;

import java.nio.charset.StandardCharsets;

/**
 * A little-endian byte sink for storage formats: the checkpoint's block chains
 * ({@link BlockStreamWriter}) and write-ahead log records ({@link ByteStreamOutput}) share one
 * encoding of segments and values through it.
 */
public interface StreamOutput {
    StreamOutput writeByte(int v);

    StreamOutput writeShort(int v);

    StreamOutput writeInt(int v);

    StreamOutput writeLong(long v);

    StreamOutput writeBytes(byte[] a, int from, int length);

    default StreamOutput writeDouble(double v) {
        return writeLong(Double.doubleToRawLongBits(v));
    }

    /** A length-prefixed UTF-8 string; null is written as length -1. */
    default StreamOutput writeString(String s) {
        if (s == null) return writeInt(-1);
        byte[] a = s.getBytes(StandardCharsets.UTF_8);
        writeInt(a.length);
        return writeBytes(a, 0, a.length);
    }
}
