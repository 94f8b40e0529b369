package dev.mallard.storage.file;

/**
 * Where a column segment's bytes lie in a database file: from {@code offset} in the first of
 * {@code blocks}, {@code length} bytes running on through the others in order. A checkpoint keeps
 * the pointer of a segment that has not changed since the last one, so its blocks are neither
 * rewritten nor freed.
 */
public record SegmentPointer(long[] blocks, int offset, int length) {
    public SegmentPointer {
        if (blocks.length == 0 || offset < 0 || length < 0) throw new IllegalArgumentException("bad segment pointer");
    }

    public void writeTo(StreamOutput w) {
        w.writeInt(blocks.length);
        for (long b : blocks) w.writeLong(b);
        w.writeInt(offset).writeInt(length);
    }

    /** Reads a pointer, checking it against the file's {@code blockCount} blocks. */
    public static SegmentPointer readFrom(StreamInput r, long blockCount) {
        int n = r.readInt();
        if (n <= 0 || n > 1 << 20) throw r.damaged("a segment pointer over " + n + " blocks");
        long[] blocks = new long[n];
        for (int i = 0; i < n; i++) {
            blocks[i] = r.readLong();
            if (blocks[i] < 0 || blocks[i] >= blockCount) throw r.damaged("a segment in block " + blocks[i]);
        }
        int offset = r.readInt(), length = r.readInt();
        if (offset < 0 || offset >= BlockFile.BLOCK_PAYLOAD || length < 0
                || (long) length > (long) n * BlockFile.BLOCK_PAYLOAD - offset) {
            throw r.damaged("a segment of " + length + " bytes at offset " + offset + " of " + n + " blocks");
        }
        return new SegmentPointer(blocks, offset, length);
    }
}
