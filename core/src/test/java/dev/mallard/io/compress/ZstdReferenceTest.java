package dev.mallard.io.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Decompresses files written by the zstd 1.5.4 command-line tool: levels 1 to 22 and --fast
 * (raw, RLE, Huffman 1- and 4-stream and treeless literals; predefined, RLE, FSE and repeat
 * sequence tables), a long window, streams without a content size, frames with and without
 * checksums, and concatenated frames with a skippable frame between them. The longseq files
 * (zstd 1.5.4, levels 3 and 19) repeat 66-100 KB random runs from that far back, so single
 * sequences carry up to 46 extra bits of lengths and offset: more than the decoder reads between
 * two refills of its bit window unless it refills for them.
 */
class ZstdReferenceTest {
    @Test
    void decompressesReferenceEncoderOutput() {
        for (Fixtures.Fixture f : Fixtures.load("zstd")) {
            byte[] unknown = Zstd.decompress(f.compressed(), 0, f.compressed().length, -1);
            assertEquals(f.length(), unknown.length, f.name());
            assertEquals(f.sha256(), Fixtures.sha256(unknown), f.name());
            byte[] known = Zstd.decompress(f.compressed(), 0, f.compressed().length, f.length());
            assertEquals(f.sha256(), Fixtures.sha256(known), f.name());
        }
    }
}
