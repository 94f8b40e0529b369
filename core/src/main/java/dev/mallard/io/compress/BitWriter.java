package dev.mallard.io.compress;

/**
 * Writes a bit stream that {@link BackwardBitReader} reads back last-in first-out: bits go in at
 * the low end of a 64-bit accumulator and whole bytes are stored little-endian, and
 * {@link #close()} appends the 1 bit that marks where the reader starts. Callers add at most 56
 * bits between {@link #flush()} calls; the buffer needs 8 bytes of slack past the stream's end.
 */
final class BitWriter {
    private final byte[] buf;
    private int pos;
    private long acc;
    private int bits;

    BitWriter(byte[] buf, int pos) {
        this.buf = buf;
        this.pos = pos;
    }

    void add(long value, int n) {
        acc |= (value & ((1L << n) - 1)) << bits;
        bits += n;
    }

    void flush() {
        LittleEndian.putLong(buf, pos, acc);
        int bytes = bits >>> 3;
        pos += bytes;
        acc = bytes == 8 ? 0 : acc >>> (bytes << 3);
        bits &= 7;
    }

    /** Adds the end mark, writes the last partial byte, and returns the position after the stream. */
    int close() {
        add(1, 1);
        flush();
        if (bits > 0) buf[pos++] = (byte) acc;
        return pos;
    }
}
