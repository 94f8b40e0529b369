package dev.mallard.io.compress;

/**
 * Zstandard (RFC 8878) in pure Java, for Parquet ZSTD pages: {@link #decompress} reads anything
 * the reference encoder writes (concatenated frames, skippable frames, all block and entropy
 * modes, checksums); {@link #compress} writes single frames with LZ77 sequences and entropy coded
 * literals.
 */
public final class Zstd {
    private Zstd() {}

    /**
     * Decompresses all frames in the range. With {@code expectedSize} &ge; 0 the result must be
     * exactly that long (as a Parquet page header says); -1 means unknown.
     */
    public static byte[] decompress(byte[] in, int off, int len, int expectedSize) {
        return ZstdDecoder.decompress(in, off, len, expectedSize);
    }

    /**
     * Decompresses all frames in the range into {@code out} from its start: exactly
     * {@code expectedSize} bytes, which {@code out} must have room for (it may be longer).
     */
    public static void decompress(byte[] in, int off, int len, int expectedSize, byte[] out) {
        ZstdDecoder.decompress(in, off, len, expectedSize, out);
    }

    public static byte[] compress(byte[] in, int off, int len) {
        return ZstdEncoder.compress(in, off, len);
    }
}
