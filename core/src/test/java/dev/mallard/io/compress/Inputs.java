package dev.mallard.io.compress;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Deterministic inputs of the shapes Parquet pages hold, for round trips and measurements. */
final class Inputs {
    private Inputs() {}

    static Map<String, byte[]> all() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("empty", new byte[0]);
        m.put("one byte", new byte[] {42});
        m.put("two bytes", new byte[] {1, 2});
        m.put("five bytes", new byte[] {1, 2, 3, 4, 5});
        m.put("zeros 100k", new byte[100_000]);
        m.put("abab 70k", repeat("ab", 35_000));
        m.put("period 7", repeat("abcdefg", 20_000));
        m.put("random 1k", random(1000, 1));
        m.put("random 300k", random(300_000, 2));
        m.put("text 200k", text(200_000, 3));
        m.put("longs 400k", longs(50_000, 4));
        m.put("doubles 160k", doubles(20_000, 5));
        m.put("categories 150k", categories(150_000, 6));
        m.put("low entropy 200k", lowEntropy(200_000, 7));
        for (int n : new int[] {3, 4, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 4095, 4096, 65535, 65536, 65537, 131071, 131072, 131073}) {
            m.put("text " + n, text(n, n));
        }
        return m;
    }

    static byte[] repeat(String s, int times) {
        return s.repeat(times).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static final String[] WORDS = ("the of and to in is was that for on with as by at from his it an were are which this be "
            + "select where group order limit join table column parquet page mallard database query vector batch "
            + "compression snappy zstandard frame block literal sequence offset match length window checksum").split(" ");

    static byte[] text(int n, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(n + 16);
        while (sb.length() < n) {
            sb.append(WORDS[(int) Math.min(WORDS.length - 1, Math.abs(r.nextGaussian()) * WORDS.length / 3)]);
            sb.append(r.nextInt(12) == 0 ? ".\n" : " ");
            if (r.nextInt(20) == 0) sb.append(r.nextInt(100_000));
        }
        sb.setLength(n);
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A sorted-ish 64-bit id column: small positive deltas. */
    static byte[] longs(int count, long seed) {
        Random r = new Random(seed);
        ByteBuffer b = ByteBuffer.allocate(count * 8).order(ByteOrder.LITTLE_ENDIAN);
        long v = 1_000_000_000L;
        for (int i = 0; i < count; i++) b.putLong(v += r.nextInt(100));
        return b.array();
    }

    /** Prices with two decimals: a few distinct high bytes, noisy low bytes. */
    static byte[] doubles(int count, long seed) {
        Random r = new Random(seed);
        ByteBuffer b = ByteBuffer.allocate(count * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) b.putDouble(Math.round((50 + r.nextGaussian() * 10) * 100) / 100.0);
        return b.array();
    }

    static byte[] categories(int n, long seed) {
        String[] cats = {"ACTIVE", "INACTIVE", "PENDING", "DELETED", "ARCHIVED"};
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < n) sb.append(cats[r.nextInt(cats.length)]).append('\u0000');
        sb.setLength(n);
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Random bytes from a skewed small alphabet that includes high bytes: no matches, but Huffman-friendly. */
    static byte[] lowEntropy(int n, long seed) {
        Random r = new Random(seed);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (200 + (int) Math.min(50, Math.abs(r.nextGaussian() * 6)));
        return b;
    }

    /** A column-like mix for throughput measurement: longs, doubles, categories and text pages. */
    static byte[] columnMix(int n) {
        byte[] out = new byte[n];
        int p = 0;
        long seed = 100;
        while (p < n) {
            byte[] page = switch ((int) (seed % 4)) {
                case 0 -> longs(8192, seed);
                case 1 -> doubles(8192, seed);
                case 2 -> categories(65536, seed);
                default -> text(65536, seed);
            };
            int len = Math.min(page.length, n - p);
            System.arraycopy(page, 0, out, p, len);
            p += len;
            seed++;
        }
        return out;
    }
}
