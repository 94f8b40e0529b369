package dev.mallard.storage.compress;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code count} strings as UTF-8 bytes back to back: string i is
 * {@code bytes[offsets[i]..offsets[i + 1])}. The form string encodings read and write; the array
 * may extend past the last string (decoders leave room there for 8-byte stores).
 */
public record Utf8Strings(byte[] bytes, int[] offsets, int count) {

    /** Values encoded to UTF-8; null values become empty strings (a NULL mask tells them apart). */
    public static Utf8Strings of(String[] values, int count) {
        byte[][] encoded = new byte[count][];
        long total = 0;
        for (int i = 0; i < count; i++) {
            String v = values[i];
            encoded[i] = v == null || v.isEmpty() ? EMPTY : v.getBytes(StandardCharsets.UTF_8);
            total += encoded[i].length;
        }
        if (total > Integer.MAX_VALUE - 64) throw new IllegalStateException("a segment of " + total + " bytes of strings");
        byte[] bytes = new byte[(int) total + PayloadReader.SLACK];
        int[] offsets = new int[count + 1];
        int at = 0;
        for (int i = 0; i < count; i++) {
            offsets[i] = at;
            System.arraycopy(encoded[i], 0, bytes, at, encoded[i].length);
            at += encoded[i].length;
        }
        offsets[count] = at;
        return new Utf8Strings(bytes, offsets, count);
    }

    private static final byte[] EMPTY = new byte[0];

    public int length(int i) {
        return offsets[i + 1] - offsets[i];
    }

    /** Bytes of all strings. */
    public int totalLength() {
        return offsets[count] - offsets[0];
    }

    public String get(int i) {
        return new String(bytes, offsets[i], length(i), StandardCharsets.UTF_8);
    }

    /** The strings decoded, one {@code String} each. */
    public String[] toStrings() {
        String[] out = new String[count];
        for (int i = 0; i < count; i++) out[i] = get(i);
        return out;
    }

    /** These strings with at least {@link PayloadReader#SLACK} bytes of array past the last one. */
    public Utf8Strings padded() {
        if (bytes.length - offsets[count] >= PayloadReader.SLACK) return this;
        return new Utf8Strings(Arrays.copyOf(bytes, offsets[count] + PayloadReader.SLACK), offsets, count);
    }
}
