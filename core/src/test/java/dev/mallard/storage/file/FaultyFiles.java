package dev.mallard.storage.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * A {@link FileLayer} over the local files that fails on demand: once a chosen number of bytes,
 * write calls or syncs have gone through, the next one fails (a write first putting what still
 * fits, or half of itself, into the file, as a filling disk does) and so does every later write,
 * sync and truncate of the files it targets, until {@link #heal()}. Reads always work, so what a
 * failed operation left behind is what the next open finds.
 */
public final class FaultyFiles implements FileLayer {
    /** Which files a fault hits: the write-ahead log is the file whose name ends in {@code .wal}. */
    public enum Target {
        ANY, LOG, DATABASE;

        boolean matches(Path path) {
            boolean log = path.getFileName().toString().endsWith(".wal");
            return this == ANY || (this == LOG) == log;
        }
    }

    /** What a full disk says; a failed sync says {@link #IO_ERROR}. */
    public static final String DISK_FULL = "No space left on device";
    public static final String IO_ERROR = "Input/output error";

    private enum Kind { NONE, BYTES, WRITES, FORCES }

    private Target target = Target.ANY;
    private Kind kind = Kind.NONE;
    /** Bytes, write calls or syncs still allowed before the fault. */
    private long budget;
    /** For write-count faults: whether the failing write puts half its bytes into the file first. */
    private boolean torn;
    private String error;
    private boolean tripped;

    /** {@code bytes} more bytes reach the target files; the write crossing that point is cut short and fails. */
    public synchronized FaultyFiles failAfterBytes(Target t, long bytes) {
        return arm(t, Kind.BYTES, bytes, false, DISK_FULL);
    }

    /** {@code writes} more write calls succeed; the next one fails, having first written half its bytes when {@code torn}. */
    public synchronized FaultyFiles failAfterWrites(Target t, long writes, boolean torn) {
        return arm(t, Kind.WRITES, writes, torn, DISK_FULL);
    }

    /** {@code syncs} more syncs succeed; the next one fails (an fsync error). */
    public synchronized FaultyFiles failAfterSyncs(Target t, long syncs) {
        return arm(t, Kind.FORCES, syncs, false, IO_ERROR);
    }

    /** Ends the fault: every operation works again. */
    public synchronized void heal() {
        kind = Kind.NONE;
        tripped = false;
    }

    /** Whether the armed fault has struck (some operation failed) since it was armed. */
    public synchronized boolean tripped() {
        return tripped;
    }

    /** The operating-system error the armed fault reports. */
    public synchronized String error() {
        return error;
    }

    @Override
    public synchronized String toString() {
        return kind == Kind.NONE ? "healthy" : "fail " + target + " after " + budget + " more " + kind.name().toLowerCase()
                + (torn ? ", torn" : "") + (tripped ? " (struck)" : "");
    }

    private FaultyFiles arm(Target t, Kind k, long n, boolean tornWrite, String message) {
        target = t;
        kind = k;
        budget = n;
        torn = tornWrite;
        error = message;
        tripped = false;
        return this;
    }

    @Override
    public FileChannel open(Path path, boolean write, boolean create) throws IOException {
        return new FailingChannel(FileLayer.LOCAL.open(path, write, create), new FailingChannel.Faults() {
            @Override
            public int write(int bytes) throws IOException {
                return allowWrite(path, bytes);
            }

            @Override
            public void force() throws IOException {
                allowForce(path);
            }

            @Override
            public void truncate() throws IOException {
                check(path);
            }
        });
    }

    private synchronized void check(Path path) throws IOException {
        if (tripped && target.matches(path)) throw new IOException(error);
    }

    private synchronized int allowWrite(Path path, int bytes) throws IOException {
        check(path);
        if (!target.matches(path) || bytes == 0) return bytes;
        switch (kind) {
            case BYTES -> {
                if (budget >= bytes) {
                    budget -= bytes;
                    return bytes;
                }
                return strike((int) budget);
            }
            case WRITES -> {
                if (budget-- > 0) return bytes;
                return strike(torn ? bytes / 2 : 0);
            }
            default -> {
                return bytes;
            }
        }
    }

    /** The fault strikes: {@code partial} bytes of this write still reach the file (its caller's next write then fails). */
    private int strike(int partial) throws IOException {
        tripped = true;
        if (partial == 0) throw new IOException(error);
        return partial;
    }

    private synchronized void allowForce(Path path) throws IOException {
        check(path);
        if (kind == Kind.FORCES && target.matches(path) && budget-- <= 0) {
            tripped = true;
            throw new IOException(error);
        }
    }
}
