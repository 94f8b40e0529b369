package dev.mallard.io.parquet;

import java.lang.ref.SoftReference;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Large arrays that row readers hand on to the next reader, in this query or a later one: the
 * bytes of compressed chunks and decompressed pages, and the ints of decoded dictionary indexes
 * and levels. A split is one row group, and its chunks and pages take up to megabytes per column:
 * allocated afresh for every reader, a query allocated about its file's size again (and its
 * decoded indexes four bytes per row and column on top), and a heap whose young generation has not
 * yet been used pays a page fault for every new 4 KB it touches — a third of a simple aggregate's
 * time over a Parquet file, for the first dozens of queries of a process. Arrays come in
 * power-of-two lengths, a few of each are kept, and they are held softly, so the collector takes
 * them back when memory runs short.
 */
final class ReadBuffers {
    private static final Pool<byte[]> BYTES = new Pool<>(byte[]::new, a -> a.length, 16); // from 64 KiB
    private static final Pool<int[]> INTS = new Pool<>(int[]::new, a -> a.length, 14); // from 64 KiB

    private ReadBuffers() {}

    /** A buffer of at least {@code length} bytes, with unspecified contents. */
    static byte[] take(int length) {
        return BYTES.take(length);
    }

    /** {@code buffer} (may be null) is no longer used by its reader: the next one may have it. */
    static void give(byte[] buffer) {
        BYTES.give(buffer);
    }

    /** {@code buffer} if it holds {@code length} bytes, else a pooled one that does (giving {@code buffer} back). */
    static byte[] atLeast(byte[] buffer, int length) {
        return buffer != null && buffer.length >= length ? buffer : BYTES.replace(buffer, length);
    }

    static void give(int[] buffer) {
        INTS.give(buffer);
    }

    /** {@code buffer} if it holds {@code length} ints, else a pooled one that does (giving {@code buffer} back; null: none). */
    static int[] atLeast(int[] buffer, int length) {
        return buffer != null && buffer.length >= length ? buffer : INTS.replace(buffer, length);
    }

    /** Free arrays of one element type by power-of-two length; arrays shorter than the smallest class are not kept. */
    private static final class Pool<A> {
        private static final int LARGEST_CLASS = 30;
        /** Arrays kept per length: enough for a few threads reading a few columns each. */
        private static final int PER_CLASS = 16;

        private final IntFunction<A> allocate;
        private final ToIntFunction<A> length;
        private final int smallestClass;
        private final ConcurrentLinkedDeque<SoftReference<A>>[] free;

        @SuppressWarnings("unchecked")
        Pool(IntFunction<A> allocate, ToIntFunction<A> length, int smallestClass) {
            this.allocate = allocate;
            this.length = length;
            this.smallestClass = smallestClass;
            this.free = new ConcurrentLinkedDeque[LARGEST_CLASS + 1];
            for (int c = smallestClass; c <= LARGEST_CLASS; c++) free[c] = new ConcurrentLinkedDeque<>();
        }

        A take(int n) {
            int c = sizeClass(n);
            if (c < smallestClass || c > LARGEST_CLASS) return allocate.apply(n);
            for (SoftReference<A> r; (r = free[c].poll()) != null; ) {
                A a = r.get();
                if (a != null) return a;
            }
            return allocate.apply(1 << c);
        }

        void give(A a) {
            if (a == null) return;
            int n = length.applyAsInt(a);
            if (Integer.bitCount(n) != 1) return;
            int c = sizeClass(n);
            if (c < smallestClass || c > LARGEST_CLASS || free[c].size() >= PER_CLASS) return;
            free[c].push(new SoftReference<>(a)); // last in, first out: the array most likely still in a cache
        }

        A replace(A old, int n) {
            give(old);
            return take(n);
        }

        private static int sizeClass(int n) {
            return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
        }
    }
}
