package dev.mallard.io.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.MallardException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SnappyTest {
    private static byte[] decompress(byte[] c) {
        byte[] out = new byte[Snappy.uncompressedLength(c, 0, c.length)];
        assertEquals(out.length, Snappy.decompress(c, 0, c.length, out, 0));
        return out;
    }

    @Test
    void decompressesReferenceEncoderOutput() {
        for (Fixtures.Fixture f : Fixtures.load("snappy")) {
            byte[] out = decompress(f.compressed());
            assertEquals(f.length(), out.length, f.name());
            assertEquals(f.sha256(), Fixtures.sha256(out), f.name());
            // Our encoder on the same input should be about as good as the reference one.
            byte[] ours = Snappy.compress(out, 0, out.length);
            assertArrayEquals(out, decompress(ours), f.name());
            assertTrue(ours.length <= f.compressed().length * 1.03 + 8, f.name() + ": " + ours.length + " vs reference " + f.compressed().length);
        }
    }

    @Test
    void roundTrips() {
        for (Map.Entry<String, byte[]> e : Inputs.all().entrySet()) {
            byte[] in = e.getValue();
            byte[] c = Snappy.compress(in, 0, in.length);
            assertTrue(c.length <= Snappy.maxCompressedLength(in.length), e.getKey());
            assertArrayEquals(in, decompress(c), e.getKey());
        }
    }

    @Test
    void roundTripsTenMegabytesAtAnOffset() {
        byte[] in = Inputs.columnMix(10 << 20);
        byte[] padded = new byte[in.length + 10];
        System.arraycopy(in, 0, padded, 7, in.length);
        byte[] c = Snappy.compress(padded, 7, in.length);
        byte[] out = new byte[in.length + 5];
        assertEquals(in.length, Snappy.decompress(c, 0, c.length, out, 5));
        assertArrayEquals(in, Arrays.copyOfRange(out, 5, out.length));
        assertTrue(c.length < in.length / 2, "ratio " + c.length);
    }

    /** Streams built by hand from the format description, covering each tag form the reference encoder never emits. */
    @Test
    void decodesEveryTagForm() {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        ByteArrayOutputStream expect = new ByteArrayOutputStream();
        byte[] lit = Inputs.random(70_000, 9);
        // Literals with the length in the tag, then in 1, 2, 3 and 4 extra bytes.
        int[][] literalForms = {{10, -1}, {100, 60}, {1000, 61}, {66_000, 62}, {300, 63}};
        int from = 0;
        for (int[] form : literalForms) {
            int n = form[0];
            int extra = form[1] < 0 ? 0 : form[1] - 59;
            s.write(form[1] < 0 ? (n - 1) << 2 : form[1] << 2);
            for (int i = 0; i < extra; i++) s.write((n - 1) >>> (8 * i));
            s.write(lit, from % 1000, n);
            expect.write(lit, from % 1000, n);
            from += 7;
        }
        byte[] sofar = expect.toByteArray();
        // Copy with a 1-byte offset: length 4..11, offset up to 2047.
        s.write(1 | ((9 - 4) << 2) | ((1500 >>> 8) << 5));
        s.write(1500 & 0xFF);
        copy(expect, 1500, 9);
        // Copy with a 2-byte offset, overlapping (offset 1 repeats the last byte).
        s.write(2 | ((64 - 1) << 2));
        s.write(1);
        s.write(0);
        copy(expect, 1, 64);
        // Copy with a 4-byte offset reaching 67,000 bytes back.
        s.write(3 | ((33 - 1) << 2));
        int off = 67_000;
        for (int i = 0; i < 4; i++) s.write(off >>> (8 * i));
        copy(expect, off, 33);
        byte[] body = s.toByteArray();
        byte[] want = expect.toByteArray();
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        for (int v = want.length; ; v >>>= 7) {
            if (v < 0x80) { block.write(v); break; }
            block.write(v & 0x7F | 0x80);
        }
        block.write(body, 0, body.length);
        assertTrue(sofar.length > off);
        assertArrayEquals(want, decompress(block.toByteArray()));
    }

    /**
     * Thousands of short literals and copies of every short form, offsets from 1 (overlapping) to
     * 2,047 and lengths 1 to 64, mostly inside the region the decoder moves whole words in; the
     * expected bytes come from a byte-at-a-time reading of the format.
     */
    @Test
    void decodesShortElementsInTheWordCopyingRegion() {
        Random r = new Random(7);
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        byte[] want = new byte[400_000];
        int n = 0;
        while (n < want.length - 100) {
            if (n < 8 || r.nextInt(3) == 0) {
                int len = 1 + r.nextInt(r.nextBoolean() ? 16 : 60);
                s.write((len - 1) << 2);
                for (int i = 0; i < len; i++) {
                    byte b = (byte) r.nextInt(256);
                    s.write(b);
                    want[n++] = b;
                }
                continue;
            }
            int offset, len;
            if (r.nextBoolean()) { // 1-byte offset form
                offset = 1 + r.nextInt(Math.min(n, 2047));
                len = 4 + r.nextInt(8);
                s.write(1 | ((len - 4) << 2) | ((offset >>> 8) << 5));
                s.write(offset & 0xFF);
            } else {
                offset = 1 + r.nextInt(Math.min(n, r.nextBoolean() ? 20 : 60_000));
                len = 1 + r.nextInt(r.nextBoolean() ? 16 : 64);
                s.write(2 | ((len - 1) << 2));
                s.write(offset & 0xFF);
                s.write(offset >>> 8);
            }
            for (int i = 0; i < len; i++, n++) want[n] = want[n - offset];
        }
        byte[] expected = Arrays.copyOf(want, n);
        assertArrayEquals(expected, decompress(block(n, s.toByteArray())));
    }

    @Test
    void badOffsetsInTheWordCopyingRegionFail() {
        for (int[] bad : new int[][] {{0}, {5001}, {60_000}}) {
            ByteArrayOutputStream s = new ByteArrayOutputStream();
            s.write(59 << 2); // a literal of 60 bytes, then a 4-byte copy: 64 bytes of output
            for (int i = 0; i < 60; i++) s.write(i);
            s.write(2 | (3 << 2));
            s.write(bad[0] & 0xFF);
            s.write(bad[0] >>> 8);
            for (int i = 0; i < 100; i++) s.write(0); // more literals of one byte after it: the copy is far from the end
            byte[] body = s.toByteArray();
            int length = 64 + 50; // each trailing (0, 0) pair is a one-byte literal
            assertThrows(MallardException.Storage.class, () -> Snappy.decompress(block(length, body), 0, body.length + 1, new byte[length], 0),
                    "offset " + bad[0]);
        }
    }

    private static byte[] block(int length, byte[] body) {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        for (int v = length; ; v >>>= 7) {
            if (v < 0x80) { block.write(v); break; }
            block.write(v & 0x7F | 0x80);
        }
        block.write(body, 0, body.length);
        return block.toByteArray();
    }

    private static void copy(ByteArrayOutputStream out, int offset, int len) {
        for (int i = 0; i < len; i++) {
            byte[] b = out.toByteArray();
            out.write(b[b.length - offset]);
        }
    }

    @Test
    void corruptInputFailsCleanly() {
        byte[] in = Inputs.text(5000, 11);
        byte[] c = Snappy.compress(in, 0, in.length);
        // Every truncation is caught: the total length no longer matches.
        for (int n = 0; n < c.length; n++) {
            byte[] t = Arrays.copyOf(c, n);
            assertThrows(MallardException.Storage.class, () -> {
                byte[] out = new byte[Math.max(0, Snappy.uncompressedLength(t, 0, t.length))];
                Snappy.decompress(t, 0, t.length, out, 0);
            }, "truncated to " + n);
        }
        // Flipped bytes either still decode (to the right length) or fail with a storage error.
        Random r = new Random(1);
        for (int trial = 0; trial < 3000; trial++) {
            byte[] t = c.clone();
            for (int k = 0; k <= trial % 3; k++) t[r.nextInt(t.length)] ^= (byte) (1 << r.nextInt(8));
            try {
                int len = Snappy.uncompressedLength(t, 0, t.length);
                if (len > 1 << 20) continue;
                Snappy.decompress(t, 0, t.length, new byte[len], 0);
            } catch (MallardException.Storage expected) {
                // fine
            }
        }
        assertThrows(MallardException.Storage.class, () -> Snappy.uncompressedLength(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1}, 0, 6));
        // A block longer than the caller's buffer (sized from a page header) is corrupt.
        assertThrows(MallardException.Storage.class, () -> Snappy.decompress(c, 0, c.length, new byte[in.length - 1], 0));
        // Offset 0 and an offset before the start are rejected.
        assertThrows(MallardException.Storage.class, () -> Snappy.decompress(new byte[] {8, 0, 'a', 2 | (3 << 2), 0, 0}, 0, 6, new byte[8], 0));
        assertThrows(MallardException.Storage.class, () -> Snappy.decompress(new byte[] {8, 0, 'a', 2 | (3 << 2), 2, 0}, 0, 6, new byte[8], 0));
    }
}
