package dev.mallard.storage.compress;

import dev.mallard.MallardException;

/**
 * Reads an encoded segment's payload from a byte array. Every read is checked against the
 * payload's end, and a value that makes no sense is reported through {@link #corrupted}: damaged
 * bytes fail the read, they never decode into other values.
 *
 * <p>The array must extend at least {@link #SLACK} bytes past the payload: bit unpacking and FSST
 * decoding load and store 8 bytes at a time and may touch bytes just past the data they need.
 */
public final class PayloadReader {
    /** Bytes an array must hold past the payload's end. */
    public static final int SLACK = 8;

    private final byte[] data;
    private final int limit;
    private int pos;

    /** @param limit end of the payload; {@code data.length >= limit + SLACK} */
    public PayloadReader(byte[] data, int limit) {
        if (data.length < limit + SLACK) throw new IllegalArgumentException("a payload array without slack");
        this.data = data;
        this.limit = limit;
    }

    public byte[] array() {
        return data;
    }

    public int position() {
        return pos;
    }

    /** Goes back (or forth) to a position {@link #position} returned. */
    public void seek(int position) {
        if (position < 0 || position > limit) throw new IllegalArgumentException("position " + position);
        pos = position;
    }

    public int remaining() {
        return limit - pos;
    }

    public boolean atEnd() {
        return pos == limit;
    }

    /** Consumes {@code n} bytes and returns where they start. */
    public int take(long n) {
        if (n < 0 || n > limit - pos) throw corrupted("a value cut off (" + n + " bytes wanted, " + (limit - pos) + " left)");
        int at = pos;
        pos += (int) n;
        return at;
    }

    public int getByte() {
        return data[take(1)] & 0xFF;
    }

    public int getInt() {
        return (int) PayloadWriter.INT.get(data, take(4));
    }

    public long getLong() {
        return (long) PayloadWriter.LONG.get(data, take(8));
    }

    /** A count in {@code [0, max]}. */
    public int getCount(long max, String what) {
        int n = getInt();
        if (n < 0 || n > max) throw corrupted(what + " of " + n);
        return n;
    }

    /** The error for bytes that make no sense as a segment. */
    public static MallardException corrupted(String what) {
        return MallardException.Storage.corrupted("a column segment has " + what + ": the file is damaged");
    }
}
