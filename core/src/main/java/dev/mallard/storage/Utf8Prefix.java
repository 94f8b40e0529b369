package dev.mallard.storage;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The first eight bytes of a UTF-8 string as an unsigned number, padded with zero bytes: two
 * strings whose prefixes differ compare as their prefixes do, as long as those bytes are ASCII
 * (where UTF-8's byte order and Java's char order agree). A zone map's bounds are then checked
 * with two integer comparisons for most values instead of two string comparisons; equal prefixes,
 * and bytes past ASCII, leave the decision to {@link String#compareTo}.
 */
final class Utf8Prefix {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8Prefix() {}

    static long of(byte[] utf8) {
        if (utf8.length >= 8) return (long) LONGS.get(utf8, 0);
        long p = 0;
        for (int i = 0; i < 8; i++) p = (p << 8) | (i < utf8.length ? utf8[i] & 0xFF : 0);
        return p;
    }

    /**
     * Whether the string of prefix {@code p} certainly lies strictly between those of prefixes
     * {@code lo} and {@code hi}; false when only a string comparison can tell.
     */
    static boolean strictlyBetween(long lo, long p, long hi) {
        return ((lo | p | hi) & HIGH_BITS) == 0 && lo < p && p < hi; // ASCII bytes: the sign bit is clear, signed order is unsigned order
    }
}
