package dev.mallard.io;

import dev.mallard.MallardException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * One file a scan reads: a plain file, a gzip file (read through {@link #open()} decompressed),
 * or one member of a zip archive. Formats that need random access (Parquet, parallel CSV) use
 * {@link #channel()} on plain files; compressed ones are read as a stream.
 *
 * @param name        the name users see in errors and the {@code filename} column
 * @param path        the file on disk
 * @param member      the zip member read, or null
 * @param compression how the bytes on disk are compressed
 */
public record FileInput(String name, Path path, String member, Compression compression) {
    public enum Compression { NONE, GZIP, ZIP }

    /** Opened files, counted for tests that check pruning (files a filter ruled out are never opened). */
    private static final java.util.concurrent.atomic.AtomicLong OPENED = new java.util.concurrent.atomic.AtomicLong();

    public static long openedCount() {
        return OPENED.get();
    }

    /** Bytes on disk (compressed size for gzip and zip members' archives). */
    public long size() {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw error("cannot read the size of", e);
        }
    }

    /** The file's content, decompressed, from its start. The caller closes it. */
    public InputStream open() {
        OPENED.incrementAndGet();
        try {
            return switch (compression) {
                case NONE -> new BufferedInputStream(Files.newInputStream(path), 1 << 16);
                case GZIP -> new BufferedInputStream(new ConcatenatedGzipInputStream(Files.newInputStream(path)), 1 << 16);
                case ZIP -> {
                    ZipFile zip = new ZipFile(path.toFile());
                    ZipEntry entry = zip.getEntry(member);
                    if (entry == null) {
                        zip.close();
                        throw new MallardException.Catalog("58P01", "zip archive " + path + " has no member \"" + member + "\"");
                    }
                    InputStream in = zip.getInputStream(entry);
                    yield new BufferedInputStream(new InputStream() {
                        @Override
                        public int read() throws IOException {
                            return in.read();
                        }

                        @Override
                        public int read(byte[] b, int off, int len) throws IOException {
                            return in.read(b, off, len);
                        }

                        @Override
                        public void close() throws IOException {
                            zip.close();
                        }
                    }, 1 << 16);
                }
            };
        } catch (NoSuchFileException e) {
            throw new MallardException.Catalog("58P01", "file " + name + " does not exist");
        } catch (IOException e) {
            throw error("cannot open", e);
        }
    }

    /** Random access to a plain file's bytes, or null when it is compressed. The caller closes it. */
    public FileChannel channel() {
        if (compression != Compression.NONE) return null;
        OPENED.incrementAndGet();
        try {
            return FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new MallardException.Catalog("58P01", "file " + name + " does not exist");
        } catch (IOException e) {
            throw error("cannot open", e);
        }
    }

    /** A clear error about this file; {@code cause} keeps the operating system's detail. */
    public MallardException error(String what, IOException cause) {
        return MallardException.Storage.io(what + " " + name + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage()), cause);
    }

    /** gzip files may hold several members back to back (as {@code cat a.gz b.gz} makes); JDK's stream reads them all. */
    private static final class ConcatenatedGzipInputStream extends GZIPInputStream {
        ConcatenatedGzipInputStream(InputStream in) throws IOException {
            super(in, 1 << 16);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    static Compression compressionOf(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".gz") || lower.endsWith(".gzip") ? Compression.GZIP : Compression.NONE;
    }

    /** Reads at most {@code n} bytes from the start (decompressed): what sniffers sample. */
    public byte[] head(int n) {
        try (InputStream in = open()) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw error("cannot read", e);
        }
    }
}
