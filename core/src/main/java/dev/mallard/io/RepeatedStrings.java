package dev.mallard.io;

import java.util.Arrays;

/**
 * Reuses the String of a value whose bytes were seen a moment ago (CSV fields, Parquet strings
 * outside dictionary pages). Most text columns of real
 * files repeat a few values (flags, categories, states): one String per distinct value saves the
 * allocation and UTF-8 decoding of every repeat, and equal values sharing one object hash once
 * when storage and hash tables meet them. A small direct-mapped table keyed by the bytes; a column
 * whose values rarely repeat (comments, ids) turns the table off after a trial, so it costs
 * nothing there.
 */
public final class RepeatedStrings {
    private static final int SLOTS = 1024;
    /** Longer values are rarely repeated and costly to compare. */
    private static final int MAX_LENGTH = 48;
    private static final int TRIAL = 4096;

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] values = new String[SLOTS];
    private int lookups;
    private int hits;
    private boolean off;

    /** The cached String of {@code b[s, e)}, or null when the caller must decode it (then {@link #remember}). */
    public String find(byte[] b, int s, int e) {
        int n = e - s;
        if (off || n > MAX_LENGTH) return null;
        if (++lookups == TRIAL && hits < TRIAL / 4) {
            off = true;
            return null;
        }
        int slot = slot(b, s, n);
        byte[] k = keys[slot];
        if (k != null && k.length == n && Arrays.equals(k, 0, n, b, s, e)) {
            hits++;
            return values[slot];
        }
        return null;
    }

    /** Keeps {@code value}, decoded from {@code b[s, e)}, for the next time. */
    public void remember(byte[] b, int s, int e, String value) {
        int n = e - s;
        if (off || n > MAX_LENGTH) return;
        int slot = slot(b, s, n);
        keys[slot] = Arrays.copyOfRange(b, s, e);
        values[slot] = value;
    }

    private static int slot(byte[] b, int s, int n) {
        int h = n * 0x9E3779B1;
        for (int j = 0; j < n; j++) h = (h ^ b[s + j]) * 0x01000193;
        return (h ^ (h >>> 15)) & (SLOTS - 1);
    }
}
