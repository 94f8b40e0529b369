package dev.mallard.storage.file;

import dev.mallard.MallardException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The write-ahead log beside a database file: committed transactions since the last checkpoint,
 * each a run of entries closed by a commit marker, appended and synced before COMMIT returns.
 *
 * <pre>
 * header  (32 bytes): magic "MALLWAL" + 0x1A, format version, checkpoint iteration,
 *                    id of the process writing the database, CRC
 * entry:  payload length (int), CRC-32C of the iteration, type and payload (int), type (byte), payload
 * </pre>
 *
 * Reading stops at the first entry that is cut short or fails its checksum (a crash during an
 * append leaves such a torn tail); entries after the last commit marker are dropped, so a
 * transaction is replayed entirely or not at all. The header names the checkpoint the log follows:
 * a log left behind by a checkpoint that completed (crash before the log was reset) belongs to an
 * older iteration and is ignored, since the checkpoint already holds its changes.
 */
public final class WriteAheadLog implements AutoCloseable {
    static final byte[] MAGIC = {'M', 'A', 'L', 'L', 'W', 'A', 'L', 0x1A};
    /** 2: values in the compressed segment encoding. */
    static final int VERSION = 2;
    static final int HEADER = 32;
    /** Size of an empty log. */
    public static final int HEADER_BYTES = HEADER;
    static final int ENTRY_HEADER = 9;
    /** Entry type closing a transaction; callers use types 1..127. */
    static final byte COMMIT = 0;

    /** One change in a transaction; the type says how to replay the payload. */
    public record Entry(byte type, byte[] payload) {
        public Entry {
            if (type == COMMIT) throw new IllegalArgumentException("entry type 0 is the commit marker");
        }
    }

    private final Path path;
    private final FileChannel channel;
    private final List<List<Entry>> committed;
    private long iteration;
    /** End of the last complete transaction: appends go here. */
    private long end;
    /** A failed append left bytes past {@link #end} that could not be cut off yet. */
    private boolean dirtyTail;
    /** A reset failed: the file may still hold the previous checkpoint's header and entries. */
    private boolean staleHeader;

    private WriteAheadLog(Path path, FileChannel channel, List<List<Entry>> committed, long iteration, long end) {
        this.path = path;
        this.channel = channel;
        this.committed = committed;
        this.iteration = iteration;
        this.end = end;
    }

    /**
     * Opens (or creates) the log of a database whose last checkpoint is {@code iteration}, reading
     * the transactions committed after it.
     */
    public static WriteAheadLog open(Path path, FileLayer files, long iteration) {
        FileChannel ch = null;
        try {
            boolean exists = Files.exists(path);
            ch = files.open(path, true, !exists);
            List<List<Entry>> done = new ArrayList<>();
            long end = HEADER;
            ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            int n = FileIo.read(ch, h, 0);
            boolean current = n == HEADER && java.util.Arrays.equals(h.array(), 0, 8, MAGIC, 0, 8)
                    && h.getInt(24) == FileIo.crc(h.array(), 0, 24);
            if (current && h.getInt(8) != VERSION) {
                throw MallardException.Storage.format(path + " has log format version " + h.getInt(8)
                        + "; this version of Mallard reads version " + VERSION);
            }
            if (current && h.getLong(12) == iteration) {
                end = readTransactions(ch, done, iteration);
            } else if (exists && n > 0 && !current && !java.util.Arrays.equals(h.array(), 0, Math.min(n, 8), MAGIC, 0, Math.min(n, 8))) {
                throw MallardException.Storage.format(path + " is not a Mallard write-ahead log");
            }
            // What follows the last complete transaction (a torn append, a damaged entry and all
            // after it, or the whole log of an older checkpoint) goes before anything is appended:
            // an append ending exactly where one of those entries began would bring the rest back.
            // Cut before the header is rewritten, so that a crash in between cannot date them anew.
            if (ch.size() > end) ch.truncate(end);
            // A new log, torn at birth or of an older checkpoint starts afresh; an empty one records
            // this process as the writer. A log holding transactions keeps its header until the
            // checkpoint after recovery.
            if (done.isEmpty()) writeHeader(ch, iteration);
            return new WriteAheadLog(path, ch, done, iteration, end);
        } catch (IOException e) {
            FileIo.closeQuietly(ch);
            throw MallardException.Storage.io("cannot open the write-ahead log " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            FileIo.closeQuietly(ch);
            throw e;
        }
    }

    /**
     * Reads the transactions committed in the log of a database whose last checkpoint is
     * {@code iteration}, without writing anything: for read-only opens. A missing log is empty.
     */
    public static List<List<Entry>> readCommitted(Path path, FileLayer files, long iteration) {
        if (!Files.exists(path)) return List.of();
        try (FileChannel ch = files.open(path, false, false)) {
            ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            int n = FileIo.read(ch, h, 0);
            boolean current = n == HEADER && java.util.Arrays.equals(h.array(), 0, 8, MAGIC, 0, 8)
                    && h.getInt(24) == FileIo.crc(h.array(), 0, 24) && h.getInt(8) == VERSION && h.getLong(12) == iteration;
            List<List<Entry>> done = new ArrayList<>();
            if (current) readTransactions(ch, done, iteration);
            return done;
        } catch (IOException e) {
            throw MallardException.Storage.io("cannot read the write-ahead log " + path + ": " + e.getMessage(), e);
        }
    }

    /** The id of the process that last opened the log for writing, or -1 if unknown. */
    public static long writerProcess(Path path) {
        try (FileChannel ch = FileChannel.open(path, java.nio.file.StandardOpenOption.READ)) {
            ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            if (FileIo.read(ch, h, 0) < HEADER || !java.util.Arrays.equals(h.array(), 0, 8, MAGIC, 0, 8)) return -1;
            return h.getInt(20);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The transactions found committed when the log was opened, in commit order. */
    public List<List<Entry>> committed() {
        return committed;
    }

    /** Bytes of committed log: a checkpoint is due when this grows past a limit. */
    public long size() {
        return end;
    }

    /**
     * Appends one transaction and its commit marker; with {@code sync}, returns only once they are
     * on disk. On failure the log is left as it was: the partial append is cut off, or if even
     * that fails, before the next append.
     */
    public void append(List<Entry> transaction, boolean sync) {
        int bytes = ENTRY_HEADER;
        for (Entry e : transaction) bytes += ENTRY_HEADER + e.payload().length;
        ByteBuffer b = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (Entry e : transaction) put(b, e.type(), e.payload(), iteration);
        put(b, COMMIT, new byte[0], iteration);
        b.flip();
        try {
            repair();
            FileIo.writeFully(channel, b, end);
            if (sync) channel.force(false);
            end += bytes;
        } catch (IOException e) {
            // The bytes may be in the file complete, just not synced: they must not be read as a
            // commit by the next open, nor lie past the end where a later append could revive them.
            dirtyTail = true;
            try {
                repair();
            } catch (IOException again) {
                // retried before the next append
            }
            throw MallardException.Storage.io("cannot write to the write-ahead log " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Empties the log after a checkpoint to {@code newIteration} has been made durable. Never
     * fails: the log's contents are in that checkpoint now, and a log left holding them belongs to
     * an older checkpoint, which an open ignores. Emptying it is then retried before the next append.
     */
    public void reset(long newIteration) {
        iteration = newIteration;
        end = HEADER;
        staleHeader = true;
        try {
            repair();
        } catch (IOException e) {
            // retried before the next append
        }
    }

    /** Brings the file back to what {@link #iteration} and {@link #end} describe after a failed reset or append. */
    private void repair() throws IOException {
        if (staleHeader) {
            channel.truncate(HEADER); // before the new header, which would otherwise date the old entries anew
            writeHeader(channel, iteration);
            staleHeader = false;
            dirtyTail = false;
        }
        if (dirtyTail) {
            channel.truncate(end);
            dirtyTail = false;
        }
    }

    public long iteration() {
        return iteration;
    }

    @Override
    public void close() {
        try {
            repair();
        } catch (IOException e) {
            // Still failing. A stale log is ignored at the next open; a failed append's bytes, if they
            // reached the disk whole, will be replayed: that commit reported an error on a failed write
            // or sync, so its outcome was unknown.
        }
        try {
            channel.close();
        } catch (IOException e) {
            throw MallardException.Storage.io("cannot close " + path + ": " + e.getMessage(), e);
        }
    }

    private static void put(ByteBuffer b, byte type, byte[] payload, long iteration) {
        int start = b.position();
        b.putInt(payload.length).putInt(0).put(type).put(payload);
        b.putInt(start + 4, entryCrc(iteration, b.array(), start + 8, b.position()));
    }

    /**
     * An entry's checksum covers the checkpoint iteration too (SQLite salts its log frames the same
     * way): should bytes of a log from an earlier checkpoint survive (a truncation lost in a power
     * failure), they can never pass for entries of this one.
     */
    private static int entryCrc(long iteration, byte[] a, int from, int to) {
        java.util.zip.CRC32C c = new java.util.zip.CRC32C();
        for (int i = 0; i < 8; i++) c.update((int) (iteration >>> (8 * i)) & 0xFF);
        c.update(a, from, to - from);
        return (int) c.getValue();
    }

    /** Reads entries up to the last commit marker; returns where the complete transactions end. */
    private static long readTransactions(FileChannel ch, List<List<Entry>> out, long iteration) throws IOException {
        long size = ch.size();
        long at = HEADER, end = HEADER;
        List<Entry> open = new ArrayList<>();
        ByteBuffer head = ByteBuffer.allocate(ENTRY_HEADER).order(ByteOrder.LITTLE_ENDIAN);
        while (at + ENTRY_HEADER <= size) {
            head.clear();
            if (FileIo.read(ch, head, at) < ENTRY_HEADER) break;
            int len = head.getInt(0);
            if (len < 0 || at + ENTRY_HEADER + len > size) break;
            ByteBuffer body = ByteBuffer.allocate(1 + len);
            body.put(head.get(8));
            if (FileIo.read(ch, body, at + ENTRY_HEADER) < len && len > 0) break;
            body.limit(1 + len);
            byte[] a = body.array();
            if (head.getInt(4) != entryCrc(iteration, a, 0, 1 + len)) break;
            at += ENTRY_HEADER + len;
            if (a[0] == COMMIT) {
                out.add(List.copyOf(open));
                open.clear();
                end = at;
            } else {
                open.add(new Entry(a[0], java.util.Arrays.copyOfRange(a, 1, 1 + len)));
            }
        }
        return end;
    }

    private static void writeHeader(FileChannel ch, long iteration) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        h.put(MAGIC).putInt(VERSION).putLong(iteration).putInt((int) ProcessHandle.current().pid());
        h.putInt(24, FileIo.crc(h.array(), 0, 24));
        FileIo.writeFully(ch, h.clear(), 0);
        ch.force(false);
    }
}
