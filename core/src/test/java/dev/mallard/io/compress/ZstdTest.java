package dev.mallard.io.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.MallardException;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ZstdTest {
    @Test
    void roundTrips() {
        for (Map.Entry<String, byte[]> e : Inputs.all().entrySet()) {
            byte[] in = e.getValue();
            byte[] c = Zstd.compress(in, 0, in.length);
            assertArrayEquals(in, Zstd.decompress(c, 0, c.length, in.length), e.getKey());
            assertArrayEquals(in, Zstd.decompress(c, 0, c.length, -1), e.getKey());
            assertTrue(c.length <= in.length + 3 * (in.length / 131072 + 1) + 18, e.getKey());
        }
    }

    @Test
    void roundTripsTenMegabytesAtAnOffset() {
        byte[] in = Inputs.columnMix(10 << 20);
        byte[] padded = new byte[in.length + 10];
        System.arraycopy(in, 0, padded, 7, in.length);
        byte[] c = Zstd.compress(padded, 7, in.length);
        byte[] framed = new byte[c.length + 9];
        System.arraycopy(c, 0, framed, 4, c.length);
        assertArrayEquals(in, Zstd.decompress(framed, 4, c.length, in.length));
        assertTrue(c.length < in.length / 2, "ratio " + c.length);
    }

    /**
     * A frame built by hand from RFC 8878 for the modes the reference encoder did not use in the
     * fixtures: RLE literals and RLE tables for all three sequence codes.
     */
    @Test
    void decodesRleLiteralsAndRleSequenceTables() {
        byte[] frame = {
            (byte) 0x28, (byte) 0xB5, (byte) 0x2F, (byte) 0xFD, // magic
            0x20, 15, // single segment, 1-byte content size 15
            0x45, 0, 0, // last compressed block of 8 bytes
            1 | 5 << 3, 'a', // literals: RLE, 5 times 'a'
            1, // one sequence
            0x54, 5, 2, 7, // LL, OF and ML tables all RLE: LL code 5, OF code 2, ML code 7 (length 10)
            0x04, // the bit stream: OF extra bits 00 (offset value 4, so offset 1), then the end mark
        };
        assertArrayEquals("a".repeat(15).getBytes(), Zstd.decompress(frame, 0, frame.length, 15));
        assertArrayEquals("a".repeat(15).getBytes(), Zstd.decompress(frame, 0, frame.length, -1));
        // The same frame claiming a 16-byte content is corrupt, and so is any shorter expectation.
        byte[] wrongSize = frame.clone();
        wrongSize[5] = 16;
        assertThrows(MallardException.Storage.class, () -> Zstd.decompress(wrongSize, 0, wrongSize.length, -1));
        assertThrows(MallardException.Storage.class, () -> Zstd.decompress(frame, 0, frame.length, 14));
        // A bit stream with a bit left over after the last sequence.
        byte[] leftover = frame.clone();
        leftover[leftover.length - 1] = 0x0C;
        assertThrows(MallardException.Storage.class, () -> Zstd.decompress(leftover, 0, leftover.length, -1));
        // Offset code 4 with extra bits 0000: offset 16 - 3 = 13, before the frame's first byte.
        byte[] farOffset = frame.clone();
        farOffset[farOffset.length - 3] = 4;
        farOffset[farOffset.length - 1] = 0x10;
        MallardException.Storage e = assertThrows(MallardException.Storage.class, () -> Zstd.decompress(farOffset, 0, farOffset.length, -1));
        assertTrue(e.getMessage().contains("offset 13"), e.getMessage());
    }

    @Test
    void corruptInputFailsCleanly() {
        byte[] in = Inputs.text(20_000, 12);
        byte[] c = Zstd.compress(in, 0, in.length);
        for (int n = 0; n < c.length; n++) {
            byte[] t = Arrays.copyOf(c, n);
            if (n == 0) continue; // no frames at all is empty data
            assertThrows(MallardException.Storage.class, () -> Zstd.decompress(t, 0, t.length, -1), "truncated to " + n);
        }
        Random r = new Random(2);
        for (Fixtures.Fixture f : Fixtures.load("zstd")) {
            byte[] z = f.compressed();
            if (z.length == 0) continue;
            for (int trial = 0; trial < 150; trial++) {
                byte[] t = z.clone();
                for (int k = 0; k <= trial % 3; k++) t[r.nextInt(t.length)] ^= (byte) (1 << r.nextInt(8));
                try {
                    Zstd.decompress(t, 0, t.length, trial % 2 == 0 ? -1 : f.length());
                } catch (MallardException.Storage expected) {
                    // fine: the checksum or a structural check caught it
                }
            }
        }
    }
}
