package dev.mallard.storage.file;

import dev.mallard.MallardException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Segment bytes in a database file: written back to back into data blocks during a checkpoint
 * (a segment may start inside one block and run on into others), read back by pointer. Unlike
 * metadata streams, data blocks carry no links: a {@link SegmentPointer} lists its blocks.
 */
public final class SegmentBlocks implements SegmentSource {
    private final BlockFile file;

    public SegmentBlocks(BlockFile file) {
        this.file = file;
    }

    @Override
    public byte[] read(SegmentPointer p) {
        byte[] out = new byte[p.length()];
        int done = 0, offset = p.offset();
        for (long block : p.blocks()) {
            if (done == out.length) break;
            ByteBuffer b = file.readBlock(block);
            int available = b.remaining() - offset;
            if (available <= 0) {
                throw MallardException.Storage.corrupted("a segment in block " + block + " of " + file.path()
                        + " starts past the block's data: the file is damaged");
            }
            int n = Math.min(out.length - done, available);
            b.get(b.position() + offset, out, done, n);
            done += n;
            offset = 0;
        }
        if (done < out.length) {
            throw MallardException.Storage.corrupted("a segment of " + file.path() + " is cut short: the file is damaged");
        }
        return out;
    }

    @Override
    public String name() {
        return file.path().toString();
    }

    /** A checkpoint's writer of segment bytes; {@link #finish} writes the last block. */
    public Writer writer(LongSupplier allocate, Set<Long> inForce) {
        return new Writer(allocate, inForce);
    }

    /** Packs segments into data blocks handed out by the checkpoint's allocator. */
    public final class Writer implements SegmentSink {
        private final LongSupplier allocate;
        private final Set<Long> inForce;
        private final Set<Long> used = new HashSet<>();
        private final ByteBuffer buffer = ByteBuffer.allocate(BlockFile.BLOCK_PAYLOAD).order(ByteOrder.LITTLE_ENDIAN);
        private long current = -1;

        Writer(LongSupplier allocate, Set<Long> inForce) {
            this.allocate = allocate;
            this.inForce = inForce;
        }

        @Override
        public SegmentPointer write(byte[] bytes) {
            if (current < 0 || !buffer.hasRemaining()) next();
            List<Long> blocks = new ArrayList<>();
            blocks.add(current);
            int offset = buffer.position();
            for (int done = 0; done < bytes.length; ) {
                if (!buffer.hasRemaining()) {
                    next();
                    blocks.add(current);
                }
                int n = Math.min(bytes.length - done, buffer.remaining());
                buffer.put(bytes, done, n);
                done += n;
            }
            return new SegmentPointer(blocks.stream().mapToLong(Long::longValue).toArray(), offset, bytes.length);
        }

        @Override
        public boolean keep(SegmentPointer pointer) {
            for (long b : pointer.blocks()) if (!inForce.contains(b)) return false;
            for (long b : pointer.blocks()) used.add(b);
            return true;
        }

        /** Writes the last block; returns every block the checkpoint's segments occupy. */
        public Set<Long> finish() {
            flush();
            return used;
        }

        private void next() {
            flush();
            current = allocate.getAsLong();
            used.add(current);
        }

        private void flush() {
            if (current < 0 || buffer.position() == 0) return;
            buffer.flip();
            file.writeBlock(current, buffer);
            buffer.clear();
        }
    }
}
