package dev.mallard.io.parquet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The codecs by Parquet's CompressionCodec number: UNCOMPRESSED, GZIP (the JDK's), and SNAPPY and
 * ZSTD (pure Java, {@code dev.mallard.io.compress}). Others can be added with {@link #register};
 * a codec that is not available fails with "compression X is not supported yet".
 */
public final class PageCodecs {
    private PageCodecs() {}

    private static final Map<Integer, PageCodec> CODECS = new ConcurrentHashMap<>();

    static {
        CODECS.put(Thrift.UNCOMPRESSED, new PageCodec() {
            @Override
            public byte[] decompress(byte[] in, int off, int len, int uncompressedLength) {
                return java.util.Arrays.copyOfRange(in, off, off + len);
            }

            @Override
            public byte[] compress(byte[] in, int off, int len) {
                return java.util.Arrays.copyOfRange(in, off, off + len);
            }
        });
        CODECS.put(Thrift.GZIP, new Gzip());
        CODECS.put(Thrift.SNAPPY, new SnappyCodec());
        CODECS.put(Thrift.ZSTD, new ZstdCodec());
    }

    /** Makes {@code codec} the one for Parquet's codec {@code name} (SNAPPY, GZIP, ZSTD, LZ4_RAW, BROTLI, ...). */
    public static void register(String name, PageCodec codec) {
        CODECS.put(number(name), codec);
    }

    /** The codec number of a name as Parquet spells it (case-insensitive); an error for unknown names. */
    static int number(String name) {
        for (int c = 0; c <= Thrift.LZ4_RAW; c++) {
            if (Thrift.codecName(c).equals(name.toUpperCase(Locale.ROOT))) return c;
        }
        throw new IllegalArgumentException("unknown compression \"" + name + "\" (choose uncompressed, snappy, gzip, zstd, lz4_raw or brotli)");
    }

    /** The codec for a CompressionCodec number; {@link UnsupportedOperationException} when there is none. */
    static PageCodec of(int codec) {
        PageCodec c = CODECS.get(codec);
        if (c != null) return c;
        throw new UnsupportedOperationException("compression " + Thrift.codecName(codec) + " is not supported yet");
    }

    /** The codec's own errors (damaged input) become {@link ThriftCompactReader.Damaged}, so they reach the user naming the file and column. */
    private static ThriftCompactReader.Damaged damaged(String codec, RuntimeException e) {
        return new ThriftCompactReader.Damaged("a damaged " + codec + " page (" + e.getMessage() + ")");
    }

    private static final class SnappyCodec implements PageCodec {
        @Override
        public byte[] decompress(byte[] in, int off, int len, int uncompressedLength) {
            return decompress(in, off, len, uncompressedLength, null);
        }

        @Override
        public byte[] decompress(byte[] in, int off, int len, int uncompressedLength, byte[] buffer) {
            byte[] out = buffer != null && buffer.length >= uncompressedLength ? buffer : new byte[uncompressedLength];
            int n;
            try {
                if (dev.mallard.io.compress.Snappy.uncompressedLength(in, off, len) != uncompressedLength) {
                    throw new ThriftCompactReader.Damaged("a Snappy page whose length differs from its header's");
                }
                n = dev.mallard.io.compress.Snappy.decompress(in, off, len, out, 0);
            } catch (ThriftCompactReader.Damaged e) {
                throw e;
            } catch (RuntimeException e) {
                throw damaged("Snappy", e);
            }
            if (n != uncompressedLength) throw new ThriftCompactReader.Damaged("a Snappy page shorter than its header says");
            return out;
        }

        @Override
        public byte[] compress(byte[] in, int off, int len) {
            return dev.mallard.io.compress.Snappy.compress(in, off, len);
        }
    }

    private static final class ZstdCodec implements PageCodec {
        @Override
        public byte[] decompress(byte[] in, int off, int len, int uncompressedLength) {
            return decompress(in, off, len, uncompressedLength, null);
        }

        @Override
        public byte[] decompress(byte[] in, int off, int len, int uncompressedLength, byte[] buffer) {
            byte[] out = buffer != null && buffer.length >= uncompressedLength ? buffer : new byte[uncompressedLength];
            try {
                // the decoder checks that the frames make exactly uncompressedLength bytes
                dev.mallard.io.compress.Zstd.decompress(in, off, len, uncompressedLength, out);
                return out;
            } catch (RuntimeException e) {
                throw damaged("Zstd", e);
            }
        }

        @Override
        public byte[] compress(byte[] in, int off, int len) {
            return dev.mallard.io.compress.Zstd.compress(in, off, len);
        }
    }

    /** Parquet's GZIP is the gzip file format (RFC 1952), which the JDK reads and writes. */
    private static final class Gzip implements PageCodec {
        @Override
        public byte[] decompress(byte[] in, int off, int len, int uncompressedLength) {
            try (GZIPInputStream z = new GZIPInputStream(new ByteArrayInputStream(in, off, len), 1 << 16)) {
                byte[] out = z.readNBytes(uncompressedLength);
                if (out.length != uncompressedLength) throw new ThriftCompactReader.Damaged("a GZIP page shorter than its header says");
                return out;
            } catch (IOException e) {
                throw new ThriftCompactReader.Damaged("a damaged GZIP page (" + e.getMessage() + ")");
            }
        }

        @Override
        public byte[] compress(byte[] in, int off, int len) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64, len / 3));
            try (GZIPOutputStream z = new GZIPOutputStream(bytes, 1 << 16)) {
                z.write(in, off, len);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }
    }
}
