package dev.mallard.function.aggregate;

import java.util.Arrays;

/** Growth of the per-group arrays of aggregate states: at least the requested size, by half again. */
final class Capacity {
    private Capacity() {}

    static int next(int current, int needed) {
        return Math.max(needed, current + (current >> 1) + 8);
    }

    static long[] grow(long[] a, int needed) {
        return a.length >= needed ? a : Arrays.copyOf(a, next(a.length, needed));
    }

    static int[] grow(int[] a, int needed) {
        return a.length >= needed ? a : Arrays.copyOf(a, next(a.length, needed));
    }

    static double[] grow(double[] a, int needed) {
        return a.length >= needed ? a : Arrays.copyOf(a, next(a.length, needed));
    }

    static boolean[] grow(boolean[] a, int needed) {
        return a.length >= needed ? a : Arrays.copyOf(a, next(a.length, needed));
    }

    static <T> T[] grow(T[] a, int needed) {
        return a.length >= needed ? a : Arrays.copyOf(a, next(a.length, needed));
    }
}
