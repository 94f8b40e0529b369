package dev.mallard.io.parquet;

import java.lang.ref.SoftReference;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Large byte buffers that row readers hand on to the next reader, in this query or a later one.
 * A split is one row group, and its compressed chunks and decompressed pages take up to megabytes
 * per column: allocated afresh for every reader, a query allocated about its file's size again,
 * and a heap whose young generation has not yet been used pays a page fault for every new 4 KB it
 * touches — a third of a simple aggregate's time over a Parquet file, for the first dozens of
 * queries of a process. Buffers come in power-of-two sizes, a few of each are kept, and they are
 * held softly, so the collector takes them back when memory runs short.
 */
final class ReadBuffers {
    /** Smaller buffers are cheap to allocate and not pooled. */
    private static final int SMALLEST_CLASS = 16; // 64 KiB
    private static final int LARGEST_CLASS = 30; // 1 GiB
    /** Buffers kept per size: enough for a few threads reading a few columns each. */
    private static final int PER_CLASS = 16;

    @SuppressWarnings("unchecked")
    private static final ConcurrentLinkedQueue<SoftReference<byte[]>>[] FREE = new ConcurrentLinkedQueue[LARGEST_CLASS + 1];

    static {
        for (int c = SMALLEST_CLASS; c <= LARGEST_CLASS; c++) FREE[c] = new ConcurrentLinkedQueue<>();
    }

    private ReadBuffers() {}

    /** A buffer of at least {@code length} bytes, with unspecified contents. */
    static byte[] take(int length) {
        int c = sizeClass(length);
        if (c < SMALLEST_CLASS || c > LARGEST_CLASS) return new byte[length];
        for (SoftReference<byte[]> r; (r = FREE[c].poll()) != null; ) {
            byte[] b = r.get();
            if (b != null) return b;
        }
        return new byte[1 << c];
    }

    /** {@code buffer} (may be null) is no longer used by its reader: the next one may have it. */
    static void give(byte[] buffer) {
        if (buffer == null || Integer.bitCount(buffer.length) != 1) return;
        int c = sizeClass(buffer.length);
        if (c < SMALLEST_CLASS || c > LARGEST_CLASS || FREE[c].size() >= PER_CLASS) return;
        FREE[c].offer(new SoftReference<>(buffer));
    }

    /** {@code buffer} if it holds {@code length} bytes, else a pooled one that does (giving {@code buffer} back). */
    static byte[] atLeast(byte[] buffer, int length) {
        if (buffer != null && buffer.length >= length) return buffer;
        give(buffer);
        return take(length);
    }

    private static int sizeClass(int length) {
        return length <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(length - 1);
    }
}
