package dev.mallard.storage.file;

import dev.mallard.MallardException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * A database file: a file header, two alternating {@link DatabaseHeader} slots, then fixed-size
 * blocks, each carrying a CRC-32C of its contents.
 *
 * <pre>
 * offset 0      file header: magic "MALLARD" + 0x1A, format version, block size, CRC   (4 KiB)
 * offset 4096   database header slot 0                                              (4 KiB)
 * offset 8192   database header slot 1                                              (4 KiB)
 * offset 12288  block 0, block 1, ...   each: CRC-32C of length and payload, payload length, payload   (256 KiB)
 * </pre>
 *
 * A file written by a newer format is refused with its version, never misread; a block whose bytes
 * fail the checksum is an error naming the block, never data. All little-endian.
 *
 * <p>A new header goes into the slot of the older one, is synced, and is then copied into the other
 * slot: a crash while writing leaves the previous header in force, and once both slots agree,
 * damage to either leaves the same header in the other (falling back to an older header would
 * silently lose the changes since).
 */
public final class BlockFile implements AutoCloseable {
    static final byte[] MAGIC = {'M', 'A', 'L', 'L', 'A', 'R', 'D', 0x1A};
    /**
     * Bumped whenever the layout changes; files of a later version are refused. 2: compressed
     * column segments (see {@code SegmentCodec}).
     */
    public static final int FORMAT_VERSION = 2;
    static final int HEADER_SIZE = 4096;
    public static final int BLOCK_SIZE = 256 * 1024;
    /** Checksum and payload length before each block's payload. */
    static final int BLOCK_HEADER = 8;
    public static final int BLOCK_PAYLOAD = BLOCK_SIZE - BLOCK_HEADER;
    static final long DATA_START = 3L * HEADER_SIZE;

    private final Path path;
    private final FileChannel channel;
    private final boolean readOnly;
    private DatabaseHeader header;
    /**
     * A header write failed after some of it may have reached the file: the slot may hold a
     * complete header that would win at the next open over the one in force. The slot gets the
     * header in force back before anything else is written.
     */
    private boolean headerInDoubt;

    private BlockFile(Path path, FileChannel channel, boolean readOnly, DatabaseHeader header) {
        this.path = path;
        this.channel = channel;
        this.readOnly = readOnly;
        this.header = header;
    }

    /** Creates a new, empty database file (failing if the file exists). */
    public static BlockFile create(Path path, FileLayer files) {
        FileChannel ch = null;
        try {
            ch = files.open(path, true, true);
            ByteBuffer b = buffer(HEADER_SIZE);
            b.put(MAGIC).putInt(FORMAT_VERSION).putInt(BLOCK_SIZE);
            b.putInt(FileIo.crc(b.array(), 0, b.position()));
            FileIo.writeFully(ch, b.clear(), 0);
            FileIo.writeFully(ch, headerBytes(DatabaseHeader.EMPTY), HEADER_SIZE);
            FileIo.writeFully(ch, buffer(HEADER_SIZE), 2L * HEADER_SIZE); // slot 1: all zero, invalid
            ch.force(true);
            return new BlockFile(path, ch, false, DatabaseHeader.EMPTY);
        } catch (IOException e) {
            FileIo.closeQuietly(ch);
            throw MallardException.Storage.io("cannot create database file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Opens an existing database file; read-only opens never write to it. */
    public static BlockFile open(Path path, FileLayer files, boolean readOnly) {
        FileChannel ch = null;
        try {
            ch = files.open(path, !readOnly, false);
            ByteBuffer b = buffer(HEADER_SIZE);
            int n = FileIo.read(ch, b, 0);
            byte[] a = b.array();
            if (n < 24 || !java.util.Arrays.equals(a, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw MallardException.Storage.format(path + " is not a Mallard database file");
            }
            int version = b.getInt(8);
            if (b.getInt(16) != FileIo.crc(a, 0, 16)) {
                throw MallardException.Storage.corrupted("the file header of " + path + " fails its checksum: the file is damaged");
            }
            if (version != FORMAT_VERSION) {
                throw MallardException.Storage.format(path + " has storage format version " + version
                        + "; this version of Mallard reads version " + FORMAT_VERSION
                        + (version > FORMAT_VERSION ? " (the file was written by a newer Mallard)" : ""));
            }
            if (b.getInt(12) != BLOCK_SIZE) {
                throw MallardException.Storage.format(path + " uses blocks of " + b.getInt(12) + " bytes; expected " + BLOCK_SIZE);
            }
            DatabaseHeader h0 = readHeader(ch, HEADER_SIZE), h1 = readHeader(ch, 2L * HEADER_SIZE);
            DatabaseHeader h = h0 == null ? h1 : h1 == null ? h0 : h0.iteration() >= h1.iteration() ? h0 : h1;
            if (h == null) throw MallardException.Storage.corrupted("both database headers of " + path + " fail their checksums");
            return new BlockFile(path, ch, readOnly, h);
        } catch (IOException e) {
            FileIo.closeQuietly(ch);
            throw MallardException.Storage.io("cannot open database file " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            FileIo.closeQuietly(ch);
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    /** The header of the last complete checkpoint. */
    public DatabaseHeader header() {
        return header;
    }

    /**
     * Makes {@code next} the file's state: written to the slot the current header does not use,
     * then synced, then copied to the other slot. Until this returns, a crash leaves the previous
     * header in force; if it throws, the previous header stays in force.
     */
    public void writeHeader(DatabaseHeader next) {
        checkWritable();
        if (next.iteration() != header.iteration() + 1) {
            throw new MallardException.Internal("header iteration " + next.iteration() + " after " + header.iteration());
        }
        settleHeader();
        try {
            channel.force(false); // the blocks it points to first
        } catch (IOException e) {
            throw MallardException.Storage.io("cannot write the header of " + path + ": " + e.getMessage(), e);
        }
        try {
            FileIo.writeFully(channel, headerBytes(next), slotOffset(next.iteration()));
            channel.force(false);
        } catch (IOException e) {
            headerInDoubt = true;
            try {
                settleHeader();
            } catch (MallardException again) {
                // still in doubt: retried before the next write
            }
            throw MallardException.Storage.io("cannot write the header of " + path + ": " + e.getMessage(), e);
        }
        header = next;
        try {
            FileIo.writeFully(channel, headerBytes(next), slotOffset(next.iteration() + 1));
            channel.force(false);
        } catch (IOException e) {
            // The new header is durable in its own slot. The other keeps the previous header (or a
            // torn copy failing its checksum), which an open uses only if the new one is damaged.
        }
    }

    /**
     * After a header write that failed part way, puts the header in force back into that slot, so
     * that it is the one an open finds (and again in both slots). Throws if that fails too: nothing
     * may be written until it succeeds, since a commit made meanwhile would belong to a state the
     * next open might not choose.
     */
    public void settleHeader() {
        if (!headerInDoubt) return;
        try {
            FileIo.writeFully(channel, headerBytes(header), slotOffset(header.iteration() + 1));
            channel.force(false);
            headerInDoubt = false;
        } catch (IOException e) {
            throw MallardException.Storage.io("cannot write the header of " + path + " (after a failed checkpoint): " + e.getMessage(), e);
        }
    }

    /** Writes a block's payload (at most {@link #BLOCK_PAYLOAD} bytes, from position to limit). */
    public void writeBlock(long block, ByteBuffer payload) {
        checkWritable();
        int len = payload.remaining();
        if (len > BLOCK_PAYLOAD) throw new MallardException.Internal("block payload of " + len + " bytes");
        settleHeader();
        ByteBuffer b = buffer(BLOCK_HEADER + len);
        b.position(BLOCK_HEADER);
        b.put(payload.duplicate());
        b.putInt(4, len);
        b.putInt(0, checksum(b.array(), len));
        try {
            FileIo.writeFully(channel, b.clear(), blockOffset(block));
        } catch (IOException e) {
            throw MallardException.Storage.io("cannot write block " + block + " of " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads a block's payload, verifying its checksum. */
    public ByteBuffer readBlock(long block) {
        ByteBuffer head = buffer(BLOCK_HEADER);
        try {
            if (FileIo.read(channel, head, blockOffset(block)) < BLOCK_HEADER) {
                throw MallardException.Storage.corrupted("block " + block + " of " + path + " lies past the end of the file");
            }
            int len = head.getInt(4);
            if (len < 0 || len > BLOCK_PAYLOAD) {
                throw MallardException.Storage.corrupted("block " + block + " of " + path + " has an impossible length " + len
                        + ": the file is damaged");
            }
            ByteBuffer b = buffer(BLOCK_HEADER + len);
            int n = FileIo.read(channel, b, blockOffset(block));
            if (n < BLOCK_HEADER + len || b.getInt(0) != checksum(b.array(), len)) {
                throw MallardException.Storage.corrupted("block " + block + " of " + path + " (offset " + blockOffset(block)
                        + ") fails its checksum: the file is damaged");
            }
            return b.position(BLOCK_HEADER).slice().order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw MallardException.Storage.io("cannot read block " + block + " of " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Takes the file's write lock, held until close, or returns false when another process holds
     * it. The lock covers one byte far past the data, so it never conflicts with reads.
     */
    public boolean tryLock() {
        checkWritable();
        try {
            return channel.tryLock(Long.MAX_VALUE - 1, 1, false) != null;
        } catch (IOException e) {
            throw MallardException.Storage.io("cannot lock " + path + ": " + e.getMessage(), e);
        }
    }

    /** Cuts the file after block {@code blockCount - 1}: blocks past the current checkpoint are free. */
    public void truncate(long blockCount) {
        checkWritable();
        try {
            if (channel.size() > blockOffset(blockCount)) channel.truncate(blockOffset(blockCount));
        } catch (IOException e) {
            throw MallardException.Storage.io("cannot truncate " + path + ": " + e.getMessage(), e);
        }
    }

    /** Bytes in the file. */
    public long size() {
        try {
            return channel.size();
        } catch (IOException e) {
            throw MallardException.Storage.io("cannot read the size of " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (headerInDoubt) settleHeader();
        } catch (MallardException e) {
            // Still failing: the slot keeps what reached it. A complete header there describes a
            // complete checkpoint of everything committed (plus, if that checkpoint was committing
            // a bulk change, that change: its commit failed on a sync, so its outcome was unknown).
        }
        try {
            channel.close();
        } catch (IOException e) {
            throw MallardException.Storage.io("cannot close " + path + ": " + e.getMessage(), e);
        }
    }

    /** The checksum of a block laid out in {@code a}: over its length field and all {@code len} payload bytes. */
    private static int checksum(byte[] a, int len) {
        return FileIo.crc(a, 4, BLOCK_HEADER + len);
    }

    static long blockOffset(long block) {
        return DATA_START + block * BLOCK_SIZE;
    }

    static long slotOffset(long iteration) {
        return HEADER_SIZE * (1 + (iteration & 1));
    }

    private void checkWritable() {
        if (readOnly) throw MallardException.Storage.io(path + " is open read-only", null);
    }

    private static ByteBuffer headerBytes(DatabaseHeader h) {
        ByteBuffer b = buffer(HEADER_SIZE);
        b.putLong(h.iteration()).putLong(h.metaBlock()).putLong(h.blockCount()).putLong(h.freeListBlock());
        b.putInt(FileIo.crc(b.array(), 0, 32));
        return b.clear();
    }

    /** The header in a slot, or null when the slot fails its checksum (never written, or torn). */
    private static DatabaseHeader readHeader(FileChannel ch, long offset) throws IOException {
        ByteBuffer b = buffer(HEADER_SIZE);
        if (FileIo.read(ch, b, offset) < 36 || b.getInt(32) != FileIo.crc(b.array(), 0, 32)) return null;
        return new DatabaseHeader(b.getLong(0), b.getLong(8), b.getLong(16), b.getLong(24));
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
