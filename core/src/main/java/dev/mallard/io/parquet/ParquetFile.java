package dev.mallard.io.parquet;

import dev.mallard.MallardException;
import dev.mallard.io.FileInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Random access to a Parquet file's bytes, and its footer. A plain file is read through a
 * {@link FileChannel} (positional reads, safe from many threads); a compressed or zipped one has
 * no random access, so its content is read into memory once.
 *
 * <p>The layout, from the specification: "PAR1", the column chunks, the Thrift-encoded
 * FileMetaData, its length as a 4-byte little-endian integer, "PAR1" again.
 */
final class ParquetFile implements AutoCloseable {
    static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private final FileInput file;
    private final FileChannel channel;
    private final byte[] whole;
    private final long size;

    ParquetFile(FileInput file) {
        this.file = file;
        FileChannel c = file.channel();
        if (c != null) {
            channel = c;
            whole = null;
            try {
                size = c.size();
            } catch (IOException e) {
                close();
                throw file.error("cannot read", e);
            }
        } else {
            channel = null;
            try (InputStream in = file.open()) {
                whole = in.readAllBytes();
            } catch (IOException e) {
                throw file.error("cannot read", e);
            } catch (OutOfMemoryError e) {
                throw MallardException.Storage.io("compressed Parquet file " + file.name() + " is too large to read into memory", null);
            }
            size = whole.length;
        }
    }

    long size() {
        return size;
    }

    /** The {@code len} bytes at {@code at}; an error naming the file when they are not all there. */
    byte[] read(long at, int len) {
        return read(at, len, null);
    }

    /** As {@link #read(long, int)}, into {@code reuse[0..len)} when it is large enough (the rest of it is left as it was). */
    byte[] read(long at, int len, byte[] reuse) {
        if (at < 0 || len < 0 || at + len > size) {
            throw new ThriftCompactReader.Damaged("a range (" + at + ", " + len + " bytes) beyond the end of the file (" + size + " bytes)");
        }
        byte[] out = reuse != null && reuse.length >= len ? reuse : new byte[len];
        if (whole != null) {
            System.arraycopy(whole, (int) at, out, 0, len);
            return out;
        }
        ByteBuffer buf = ByteBuffer.wrap(out, 0, len);
        try {
            while (buf.hasRemaining()) {
                int n = channel.read(buf, at + buf.position());
                if (n < 0) throw new ThriftCompactReader.Damaged("the file ended while reading it (was it truncated?)");
            }
        } catch (IOException e) {
            throw file.error("cannot read", e);
        }
        return out;
    }

    /** Reads and decodes the footer; clear errors for files that are not Parquet or are damaged. */
    FileMetaData footer() {
        if (size < 4 || !startsWith(read(0, 4), MAGIC)) {
            throw MallardException.Storage.format(file.name() + " is not a Parquet file (it does not start with \"PAR1\")");
        }
        if (size < 12) throw damaged("the file is only " + size + " bytes long (was it truncated?)");
        byte[] tail = read(size - 8, 8);
        if (!(tail[4] == 'P' && tail[5] == 'A' && tail[6] == 'R' && tail[7] == '1')) {
            throw damaged("the file does not end with \"PAR1\" (was it truncated?)");
        }
        int length = ValueDecoder.int32(tail, 0);
        if (length <= 0 || length > size - 12) {
            throw damaged("it claims to be " + Integer.toUnsignedString(length) + " bytes long in a file of " + size + " bytes");
        }
        byte[] meta = read(size - 8 - length, length);
        try {
            return FileMetaData.of(new ThriftCompactReader(meta, 0, length).readStruct());
        } catch (ThriftCompactReader.Damaged | ClassCastException | IndexOutOfBoundsException e) {
            throw damaged("it cannot be decoded (" + (e instanceof ThriftCompactReader.Damaged ? e.getMessage() : e.toString()) + ")");
        }
    }

    private MallardException damaged(String why) {
        return MallardException.Storage.corrupted("Parquet file " + file.name() + ": footer damaged: " + why);
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return java.util.Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }

    @Override
    public void close() {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // read-only: nothing was lost
        }
    }
}
