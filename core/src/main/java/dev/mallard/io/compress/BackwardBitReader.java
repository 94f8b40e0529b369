package dev.mallard.io.compress;

import dev.mallard.MallardException;

/**
 * Reads a Zstandard backward bit stream: the writer appended bits from the least significant end
 * and closed with a single 1 bit, so the reader starts at the last byte, skips the zero padding
 * and that end mark, and takes bits from the most significant end towards the first byte.
 *
 * <p>A 64-bit container holds the next bytes; {@code consumed} counts bits already taken from its
 * top. {@link #reload()} slides the container back to keep at most 7 consumed bits while whole
 * bytes remain, so callers may read up to 57 bits between reloads. Once the first byte is
 * reached, reads past it yield zeros and {@code consumed} keeps counting, which is how decoders
 * tell "exactly used up" ({@link #finished()}) from "read past the start" ({@link #overflowed()}).
 */
final class BackwardBitReader {
    private final byte[] buf;
    private final int start;
    private int ptr;
    private long container;
    int consumed;

    BackwardBitReader(byte[] buf, int start, int size, String what) {
        if (size < 1) throw MallardException.Storage.corrupted("corrupt Zstandard data: empty " + what + " bit stream");
        this.buf = buf;
        this.start = start;
        int last = buf[start + size - 1] & 0xFF;
        if (last == 0) throw MallardException.Storage.corrupted("corrupt Zstandard data: " + what + " bit stream has no end mark");
        int skip = Integer.numberOfLeadingZeros(last) - 24 + 1;
        if (size >= 8) {
            ptr = start + size - 8;
            container = LittleEndian.getLong(buf, ptr);
            consumed = skip;
        } else {
            // A short stream sits in the low bytes of the container; its missing high bytes count as consumed.
            ptr = start;
            container = LittleEndian.getPartialLong(buf, start, size);
            consumed = skip + (8 - size) * 8;
        }
    }

    /** Takes {@code n} (0..57) bits. */
    long read(int n) {
        long v = consumed >= 64 ? 0 : (container << consumed) >>> 1 >>> (63 - n);
        consumed += n;
        return v;
    }

    /** The next {@code n} (1..57) bits, without taking them. */
    int peek(int n) {
        return consumed >= 64 ? 0 : (int) ((container << consumed) >>> (64 - n));
    }

    void skip(int n) {
        consumed += n;
    }

    void reload() {
        if (consumed > 64) return; // read past the start: stays so, overflowed() reports it
        if (ptr - start >= 8) {
            ptr -= consumed >>> 3;
            consumed &= 7;
            container = LittleEndian.getLong(buf, ptr);
        } else if (ptr != start) {
            int bytes = Math.min(consumed >>> 3, ptr - start);
            ptr -= bytes;
            consumed -= bytes * 8;
            container = LittleEndian.getLong(buf, ptr);
        }
    }

    boolean finished() {
        return ptr == start && consumed == 64;
    }

    boolean overflowed() {
        return consumed > 64;
    }
}
