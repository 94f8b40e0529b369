package dev.mallard.storage.file;

import dev.mallard.MallardException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads back what a {@link BlockStreamWriter} wrote, following the chain of blocks. */
public final class BlockStreamReader {
    private final BlockFile file;
    private final long limit;
    private ByteBuffer buffer;
    private long current;
    private long visited;

    /** @param blockCount blocks in the file: a chain longer than that loops, and is damage */
    public BlockStreamReader(BlockFile file, long firstBlock, long blockCount) {
        this.file = file;
        this.limit = blockCount;
        load(firstBlock);
    }

    public int readByte() {
        return data(1).get();
    }

    /** A 16-bit value, sign-extended (mask with 0xFFFF for unsigned). */
    public int readShort() {
        return data(2).getShort();
    }

    public int readInt() {
        return data(4).getInt();
    }

    public long readLong() {
        return data(8).getLong();
    }

    public double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    public void readBytes(byte[] a, int from, int length) {
        while (length > 0) {
            if (!buffer.hasRemaining()) next();
            int n = Math.min(length, buffer.remaining());
            buffer.get(a, from, n);
            from += n;
            length -= n;
        }
    }

    public String readString() {
        int n = readInt();
        if (n == -1) return null;
        if (n < 0) throw damaged("a string of length " + n);
        byte[] a = new byte[n];
        readBytes(a, 0, n);
        return new String(a, StandardCharsets.UTF_8);
    }

    /** The buffer with {@code n} bytes to read: a value that does not fit the rest of a block starts the next one. */
    private ByteBuffer data(int n) {
        if (buffer.remaining() < n) next();
        if (buffer.remaining() < n) throw damaged("a value cut off");
        return buffer;
    }

    private void next() {
        long next = buffer.getLong(0);
        if (next < 0) throw damaged("a read past the end of the stream");
        load(next);
    }

    private void load(long block) {
        if (block < 0 || (limit > 0 && block >= limit) || ++visited > Math.max(limit, 1)) {
            throw damaged("a link to block " + block);
        }
        current = block;
        buffer = file.readBlock(block);
        buffer.position(8);
    }

    private MallardException damaged(String what) {
        return MallardException.Storage.corrupted("metadata in block " + current + " of " + file.path() + " has " + what
                + ": the file is damaged");
    }
}
