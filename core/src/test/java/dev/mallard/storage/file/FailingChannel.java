package dev.mallard.storage.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicBoolean;

/** A channel whose writes fail like a full disk once {@code fail} is set. */
final class FailingChannel extends FileChannel {
    private final FileChannel inner;
    private final AtomicBoolean fail;

    FailingChannel(FileChannel inner, AtomicBoolean fail) {
        this.inner = inner;
        this.fail = fail;
    }

    private void check() throws IOException {
        if (fail.get()) throw new IOException("No space left on device");
    }

    @Override public int read(ByteBuffer dst) throws IOException { return inner.read(dst); }
    @Override public long read(ByteBuffer[] dsts, int offset, int length) throws IOException { return inner.read(dsts, offset, length); }
    @Override public int write(ByteBuffer src) throws IOException { check(); return inner.write(src); }
    @Override public long write(ByteBuffer[] srcs, int offset, int length) throws IOException { check(); return inner.write(srcs, offset, length); }
    @Override public long position() throws IOException { return inner.position(); }
    @Override public FileChannel position(long p) throws IOException { inner.position(p); return this; }
    @Override public long size() throws IOException { return inner.size(); }
    @Override public FileChannel truncate(long size) throws IOException { check(); inner.truncate(size); return this; }
    @Override public void force(boolean metaData) throws IOException { check(); inner.force(metaData); }
    @Override public long transferTo(long p, long c, java.nio.channels.WritableByteChannel t) throws IOException { return inner.transferTo(p, c, t); }
    @Override public long transferFrom(java.nio.channels.ReadableByteChannel s, long p, long c) throws IOException { check(); return inner.transferFrom(s, p, c); }
    @Override public int read(ByteBuffer dst, long p) throws IOException { return inner.read(dst, p); }
    @Override public int write(ByteBuffer src, long p) throws IOException { check(); return inner.write(src, p); }
    @Override public java.nio.MappedByteBuffer map(MapMode mode, long p, long size) throws IOException { return inner.map(mode, p, size); }
    @Override public java.nio.channels.FileLock lock(long p, long size, boolean shared) throws IOException { return inner.lock(p, size, shared); }
    @Override public java.nio.channels.FileLock tryLock(long p, long size, boolean shared) throws IOException { return inner.tryLock(p, size, shared); }
    @Override protected void implCloseChannel() throws IOException { inner.close(); }
}
