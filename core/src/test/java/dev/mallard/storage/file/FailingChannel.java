package dev.mallard.storage.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A channel that asks a {@link Faults} policy before every write, sync and truncate, so tests can
 * make it fail like a full disk or a failing device at a chosen moment. Reads always work.
 */
final class FailingChannel extends FileChannel {
    /** Decides which operations fail. */
    interface Faults {
        /** How many of a write's {@code bytes} reach the file (fewer is a short write), or throws. */
        int write(int bytes) throws IOException;

        void force() throws IOException;

        void truncate() throws IOException;

        /** Every write, sync and truncate fails like a full disk while {@code fail} is set. */
        static Faults when(AtomicBoolean fail) {
            return new Faults() {
                private void check() throws IOException {
                    if (fail.get()) throw new IOException("No space left on device");
                }

                @Override public int write(int bytes) throws IOException { check(); return bytes; }
                @Override public void force() throws IOException { check(); }
                @Override public void truncate() throws IOException { check(); }
            };
        }
    }

    /** A write of a buffer's bytes, positional or not. */
    private interface Write {
        int to(ByteBuffer src) throws IOException;
    }

    private final FileChannel inner;
    private final Faults faults;

    FailingChannel(FileChannel inner, AtomicBoolean fail) {
        this(inner, Faults.when(fail));
    }

    FailingChannel(FileChannel inner, Faults faults) {
        this.inner = inner;
        this.faults = faults;
    }

    /** Writes as much of {@code src} as the policy lets through: the rest is a short write, as on a disk filling up. */
    private int limited(ByteBuffer src, Write write) throws IOException {
        int allowed = faults.write(src.remaining());
        if (allowed >= src.remaining()) return write.to(src);
        ByteBuffer part = src.duplicate().limit(src.position() + allowed);
        int n = write.to(part);
        src.position(src.position() + n);
        return n;
    }

    @Override public int read(ByteBuffer dst) throws IOException { return inner.read(dst); }
    @Override public long read(ByteBuffer[] dsts, int offset, int length) throws IOException { return inner.read(dsts, offset, length); }
    @Override public int write(ByteBuffer src) throws IOException { return limited(src, inner::write); }
    @Override public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long n = 0;
        for (int i = offset; i < offset + length; i++) n += write(srcs[i]);
        return n;
    }
    @Override public long position() throws IOException { return inner.position(); }
    @Override public FileChannel position(long p) throws IOException { inner.position(p); return this; }
    @Override public long size() throws IOException { return inner.size(); }
    @Override public FileChannel truncate(long size) throws IOException { faults.truncate(); inner.truncate(size); return this; }
    @Override public void force(boolean metaData) throws IOException { faults.force(); inner.force(metaData); }
    @Override public long transferTo(long p, long c, java.nio.channels.WritableByteChannel t) throws IOException { return inner.transferTo(p, c, t); }
    @Override public long transferFrom(java.nio.channels.ReadableByteChannel s, long p, long c) throws IOException {
        throw new UnsupportedOperationException("storage writes buffers at positions");
    }
    @Override public int read(ByteBuffer dst, long p) throws IOException { return inner.read(dst, p); }
    @Override public int write(ByteBuffer src, long p) throws IOException { return limited(src, b -> inner.write(b, p)); }
    @Override public java.nio.MappedByteBuffer map(MapMode mode, long p, long size) throws IOException { return inner.map(mode, p, size); }
    @Override public java.nio.channels.FileLock lock(long p, long size, boolean shared) throws IOException { return inner.lock(p, size, shared); }
    @Override public java.nio.channels.FileLock tryLock(long p, long size, boolean shared) throws IOException { return inner.tryLock(p, size, shared); }
    @Override protected void implCloseChannel() throws IOException { inner.close(); }
}
