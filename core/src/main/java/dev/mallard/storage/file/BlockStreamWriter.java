package dev.mallard.storage.file;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Writes a byte stream of any length into a chain of blocks: each block's payload starts with the
 * id of the next block (-1 ends the chain). Checkpoints write the catalog and table metadata this
 * way; {@link BlockStreamReader} reads it back. Little-endian, like the rest of the file.
 */
public final class BlockStreamWriter implements StreamOutput {
    private static final int CAPACITY = BlockFile.BLOCK_PAYLOAD;

    private final BlockFile file;
    private final LongSupplier allocate;
    private final ByteBuffer buffer = ByteBuffer.allocate(CAPACITY).order(ByteOrder.LITTLE_ENDIAN);
    private final List<Long> blocks = new ArrayList<>();
    private long current;

    /** @param allocate hands out unused block ids */
    public BlockStreamWriter(BlockFile file, LongSupplier allocate) {
        this.file = file;
        this.allocate = allocate;
        this.current = allocate.getAsLong();
        blocks.add(current);
        buffer.putLong(-1);
    }

    /** The first block of the chain: where a reader starts. */
    public long firstBlock() {
        return blocks.get(0);
    }

    /** Every block the stream occupies (so a later checkpoint can free them). */
    public List<Long> blocks() {
        return List.copyOf(blocks);
    }

    @Override
    public BlockStreamWriter writeByte(int v) {
        room(1).put((byte) v);
        return this;
    }

    @Override
    public BlockStreamWriter writeShort(int v) {
        room(2).putShort((short) v);
        return this;
    }

    @Override
    public BlockStreamWriter writeInt(int v) {
        room(4).putInt(v);
        return this;
    }

    @Override
    public BlockStreamWriter writeLong(long v) {
        room(8).putLong(v);
        return this;
    }


    @Override
    public BlockStreamWriter writeBytes(byte[] a, int from, int length) {
        while (length > 0) {
            if (!buffer.hasRemaining()) nextBlock();
            int n = Math.min(length, buffer.remaining());
            buffer.put(a, from, n);
            from += n;
            length -= n;
        }
        return this;
    }


    /** Writes the last block; the chain is complete. */
    public void finish() {
        buffer.flip();
        file.writeBlock(current, buffer);
        buffer.clear();
    }

    /** The buffer with {@code n} bytes free, moving to a new block if needed (values never straddle blocks). */
    private ByteBuffer room(int n) {
        if (buffer.remaining() < n) nextBlock();
        return buffer;
    }

    private void nextBlock() {
        long next = allocate.getAsLong();
        buffer.putLong(0, next);
        buffer.flip();
        file.writeBlock(current, buffer);
        buffer.clear();
        buffer.putLong(-1);
        current = next;
        blocks.add(next);
    }
}
