package dev.mallard.storage.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/** Positional reads and writes that complete, checksums, and closing after a failure: shared by the file formats. */
final class FileIo {
    private FileIo() {}

    /** CRC-32C of {@code a[from, to)}. */
    static int crc(byte[] a, int from, int to) {
        CRC32C c = new CRC32C();
        c.update(a, from, to - from);
        return (int) c.getValue();
    }

    /** Writes all of the buffer's remaining bytes at {@code offset}. */
    static void writeFully(FileChannel ch, ByteBuffer b, long offset) throws IOException {
        long at = offset;
        while (b.hasRemaining()) at += ch.write(b, at);
    }

    /** Reads into the buffer's remaining space until it is full or the file ends; returns the bytes read. */
    static int read(FileChannel ch, ByteBuffer b, long offset) throws IOException {
        int total = 0;
        while (b.hasRemaining()) {
            int n = ch.read(b, offset + total);
            if (n < 0) break;
            total += n;
        }
        return total;
    }

    static void closeQuietly(FileChannel ch) {
        if (ch == null) return;
        try {
            ch.close();
        } catch (IOException ignored) {
            // already failing: the first error is the one to report
        }
    }
}
