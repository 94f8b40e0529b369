package dev.mallard.io.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The buffer pool row readers share: sizes, reuse, and what it refuses to keep. */
class ReadBuffersTest {
    @Test
    void buffersComeInPowersOfTwoAndAreReused() {
        byte[] a = ReadBuffers.take(700_000);
        assertEquals(1 << 20, a.length);
        ReadBuffers.give(a);
        byte[] b = ReadBuffers.take(600_000);
        assertSame(a, b, "a buffer given back is the next one of its size taken");
        assertNotSame(b, ReadBuffers.take(600_000), "taken buffers are never handed out twice");
    }

    @Test
    void smallAndOddBuffersAreNotKept() {
        byte[] small = ReadBuffers.take(1000);
        assertEquals(1000, small.length, "small buffers are allocated as asked");
        ReadBuffers.give(small);
        byte[] odd = new byte[300_000];
        ReadBuffers.give(odd);
        byte[] next = ReadBuffers.take(300_000);
        assertNotSame(odd, next, "only buffers the pool sized are kept");
        assertTrue(next.length >= 300_000);
    }

    @Test
    void atLeastKeepsALargeEnoughBufferAndSwapsASmallOne() {
        byte[] b = ReadBuffers.take(100_000);
        assertSame(b, ReadBuffers.atLeast(b, 100_000));
        byte[] bigger = ReadBuffers.atLeast(b, 200_000);
        assertTrue(bigger.length >= 200_000);
        assertSame(b, ReadBuffers.take(100_000), "the outgrown buffer went back to the pool");
    }

    @Test
    void intArraysHaveTheirOwnPool() {
        int[] a = ReadBuffers.atLeast((int[]) null, 100_000);
        assertEquals(1 << 17, a.length);
        ReadBuffers.give(a);
        assertSame(a, ReadBuffers.atLeast((int[]) null, 70_000), "an int array given back is reused");
        assertEquals(10, ReadBuffers.atLeast((int[]) null, 10).length, "short int arrays are allocated as asked");
    }

    @Test
    void columnBuffersGiveEverythingBackOnRelease() {
        ColumnBuffers b = new ColumnBuffers();
        int[] indexes = b.indexes(200_000);
        byte[] page = b.page(200_000);
        assertSame(indexes, b.indexes(150_000), "a large enough array is kept");
        b.release();
        assertEquals(null, b.indexes);
        assertSame(indexes, ReadBuffers.atLeast((int[]) null, 200_000));
        assertSame(page, ReadBuffers.take(200_000));
    }
}
