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
