package dev.mallard.io.parquet;

/**
 * A page compression codec. The reader and writer only see this interface, so codecs implemented
 * elsewhere (Snappy, Zstd in {@code dev.mallard.io.compress}) plug in through {@link PageCodecs}
 * without changes here.
 */
public interface PageCodec {
    /** The {@code len} bytes at {@code off}, decompressed; exactly {@code uncompressedLength} bytes. */
    byte[] decompress(byte[] in, int off, int len, int uncompressedLength);

    /**
     * As {@link #decompress(byte[], int, int, int)}, into {@code buffer} from its start when it is
     * large enough and the codec can (a reader reuses one buffer page after page instead of
     * allocating and clearing a new one). Returns the array holding the bytes: {@code buffer}, or a
     * new one.
     */
    default byte[] decompress(byte[] in, int off, int len, int uncompressedLength, byte[] buffer) {
        return decompress(in, off, len, uncompressedLength);
    }

    /** The {@code len} bytes at {@code off}, compressed. */
    byte[] compress(byte[] in, int off, int len);
}
