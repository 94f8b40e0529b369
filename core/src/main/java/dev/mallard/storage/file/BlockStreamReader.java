package dev.mallard.storage.file;

import dev.mallard.MallardException;
import java.nio.ByteBuffer;

/** Reads back what a {@link BlockStreamWriter} wrote, following the chain of blocks. */
public final class BlockStreamReader implements StreamInput {
    private final BlockFile file;
    private final long limit;
    private ByteBuffer buffer;
    private long current;
    private long visited;
    private final java.util.List<Long> blocks = new java.util.ArrayList<>();

    /** @param blockCount blocks in the file: a chain longer than that loops, and is damage */
    public BlockStreamReader(BlockFile file, long firstBlock, long blockCount) {
        this.file = file;
        this.limit = blockCount;
        load(firstBlock);
    }

    /** The blocks read so far: after reading a whole stream, the blocks it occupies. */
    public java.util.List<Long> blocks() {
        return blocks;
    }

    @Override
    public int readByte() {
        return data(1).get();
    }

    @Override
    public int readShort() {
        return data(2).getShort();
    }

    @Override
    public int readInt() {
        return data(4).getInt();
    }

    @Override
    public long readLong() {
        return data(8).getLong();
    }


    @Override
    public void readBytes(byte[] a, int from, int length) {
        while (length > 0) {
            if (!buffer.hasRemaining()) next();
            int n = Math.min(length, buffer.remaining());
            buffer.get(a, from, n);
            from += n;
            length -= n;
        }
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
        blocks.add(block);
        buffer = file.readBlock(block);
        buffer.position(8);
    }

    @Override
    public MallardException damaged(String what) {
        return MallardException.Storage.corrupted("metadata in block " + current + " of " + file.path() + " has " + what
                + ": the file is damaged");
    }
}
