package dev.mallard.storage.file;

import dev.mallard.MallardException;
import java.nio.charset.StandardCharsets;

/** Reads what a {@link StreamOutput} wrote; a value that is not there is damage, never a default. */
public interface StreamInput {
    int readByte();

    /** A 16-bit value, sign-extended (mask with 0xFFFF for unsigned). */
    int readShort();

    int readInt();

    long readLong();

    void readBytes(byte[] a, int from, int length);

    /** An error describing damage at the current position. */
    MallardException damaged(String what);

    default double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    default String readString() {
        int n = readInt();
        if (n == -1) return null;
        if (n < 0) throw damaged("a string of length " + n);
        byte[] a = new byte[n];
        readBytes(a, 0, n);
        return new String(a, StandardCharsets.UTF_8);
    }
}
