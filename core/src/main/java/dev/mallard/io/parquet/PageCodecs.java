package dev.mallard.io.parquet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The codecs by Parquet's CompressionCodec number. UNCOMPRESSED and GZIP (the JDK's) are built in.
 * Others come from {@link #register}, or are found on first use as the classes
 * {@code dev.mallard.io.compress.Snappy} and {@code dev.mallard.io.compress.Zstd} with static
 * {@code byte[] decompress(byte[], int, int, int)} and {@code byte[] compress(byte[], int, int)}:
 * that package is written apart from this one, and this lets it arrive without edits here.
 * A codec that is not available fails with "compression X is not supported yet".
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
        String cls = switch (codec) {
            case Thrift.SNAPPY -> "dev.mallard.io.compress.Snappy";
            case Thrift.ZSTD -> "dev.mallard.io.compress.Zstd";
            default -> null;
        };
        if (cls != null) {
            c = lookup(cls);
            if (c != null) {
                CODECS.put(codec, c);
                return c;
            }
        }
        throw new UnsupportedOperationException("compression " + Thrift.codecName(codec) + " is not supported yet");
    }

    /**
     * The codec class's static methods, if it is on the class path. Decompression may be either
     * {@code byte[] decompress(byte[] in, int off, int len, int uncompressedLength)} or
     * {@code int decompress(byte[] in, int off, int len, byte[] out, int outOff)}; compression
     * {@code byte[] compress(byte[] in, int off, int len)}. The codec's own errors (damaged input)
     * become {@link ThriftCompactReader.Damaged}, so they reach the user naming the file and column.
     */
    private static PageCodec lookup(String className) {
        Class<?> k;
        try {
            k = Class.forName(className);
        } catch (ClassNotFoundException e) {
            return null; // not on the class path (yet)
        }
        MethodHandles.Lookup l = MethodHandles.publicLookup();
        MethodHandle toArray = find(l, k, "decompress", MethodType.methodType(byte[].class, byte[].class, int.class, int.class, int.class));
        MethodHandle intoArray = find(l, k, "decompress",
                MethodType.methodType(int.class, byte[].class, int.class, int.class, byte[].class, int.class));
        MethodHandle compress = find(l, k, "compress", MethodType.methodType(byte[].class, byte[].class, int.class, int.class));
        if (toArray == null && intoArray == null) return null;
        String name = k.getSimpleName();
        return new PageCodec() {
            @Override
            public byte[] decompress(byte[] in, int off, int len, int uncompressedLength) {
                try {
                    if (toArray != null) return (byte[]) toArray.invokeExact(in, off, len, uncompressedLength);
                    byte[] out = new byte[uncompressedLength];
                    int n = (int) intoArray.invokeExact(in, off, len, out, 0);
                    if (n != uncompressedLength) throw new ThriftCompactReader.Damaged("a " + name + " page shorter than its header says");
                    return out;
                } catch (ThriftCompactReader.Damaged e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new ThriftCompactReader.Damaged("a damaged " + name + " page (" + e.getMessage() + ")");
                } catch (Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new IllegalStateException(t);
                }
            }

            @Override
            public byte[] compress(byte[] in, int off, int len) {
                if (compress == null) throw new UnsupportedOperationException("compression " + name.toUpperCase(Locale.ROOT) + " is not supported for writing yet");
                try {
                    return (byte[]) compress.invokeExact(in, off, len);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new IllegalStateException(t);
                }
            }
        };
    }

    private static MethodHandle find(MethodHandles.Lookup l, Class<?> k, String method, MethodType type) {
        try {
            return l.findStatic(k, method, type);
        } catch (ReflectiveOperationException e) {
            return null;
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
