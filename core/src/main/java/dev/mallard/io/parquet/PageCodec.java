package dev.mallard.io.parquet;

/**
 * A page compression codec. The reader and writer only see this interface, so codecs implemented
 * elsewhere (Snappy, Zstd in {@code dev.mallard.io.compress}) plug in through {@link PageCodecs}
 * without changes here.
 */
public interface PageCodec {
    /** The {@code len} bytes at {@code off}, decompressed; exactly {@code uncompressedLength} bytes. */
    byte[] decompress(byte[] in, int off, int len, int uncompressedLength);

    /** The {@code len} bytes at {@code off}, compressed. */
    byte[] compress(byte[] in, int off, int len);
}
