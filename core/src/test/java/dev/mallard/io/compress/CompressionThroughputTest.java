package dev.mallard.io.compress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints (does not assert) compression and decompression speed on ~50 MB of column-like data cut
 * into 1 MB and 64 KB pages, the way Parquet pages are compressed. Run with
 * {@code -Dtest=CompressionThroughputTest -Dcompress.bench=true}; with {@code -Dcompress.bench.dump=FILE}
 * the input is also written out so the reference tools can be timed on the same bytes.
 */
@EnabledIfSystemProperty(named = "compress.bench", matches = "true")
class CompressionThroughputTest {

    interface Codec {
        byte[] compress(byte[] in, int off, int len);

        void decompress(byte[] c, byte[] out, int len);
    }

    @Test
    void measure() throws IOException {
        byte[] data = Inputs.columnMix(50 << 20);
        String dump = System.getProperty("compress.bench.dump");
        if (dump != null) Files.write(Path.of(dump), data);
        for (int page : new int[] {1 << 20, 64 << 10}) {
            System.out.println("pages of " + (page >> 10) + " KB:");
            run("snappy", data, page, new Codec() {
                public byte[] compress(byte[] in, int off, int len) { return Snappy.compress(in, off, len); }

                public void decompress(byte[] c, byte[] out, int len) { Snappy.decompress(c, 0, c.length, out, 0); }
            });
            run("zstd", data, page, new Codec() {
                public byte[] compress(byte[] in, int off, int len) { return Zstd.compress(in, off, len); }

                public void decompress(byte[] c, byte[] out, int len) { Zstd.decompress(c, 0, c.length, len); }
            });
        }
    }

    private static void run(String name, byte[] data, int page, Codec codec) {
        int pages = (data.length + page - 1) / page;
        byte[][] compressed = new byte[pages][];
        // Thread CPU time rather than wall time: the 2 cores are shared, and waiting for one is not our cost.
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        double bestC = Double.MAX_VALUE, bestD = Double.MAX_VALUE;
        long total = 0;
        byte[] out = new byte[page];
        for (int round = 0; round < 6; round++) {
            long t0 = mx.getCurrentThreadCpuTime();
            total = 0;
            for (int p = 0; p < pages; p++) {
                int off = p * page;
                compressed[p] = codec.compress(data, off, Math.min(page, data.length - off));
                total += compressed[p].length;
            }
            long t1 = mx.getCurrentThreadCpuTime();
            for (int p = 0; p < pages; p++) codec.decompress(compressed[p], out, Math.min(page, data.length - p * page));
            long t2 = mx.getCurrentThreadCpuTime();
            bestC = Math.min(bestC, (t1 - t0) / 1e9);
            bestD = Math.min(bestD, (t2 - t1) / 1e9);
        }
        double mb = data.length / 1e6;
        System.out.printf("%-7s %.1f MB -> %.1f MB (ratio %.2f)  compress %.0f MB/s  decompress %.0f MB/s (CPU time)%n",
                name, mb, total / 1e6, (double) data.length / total, mb / bestC, mb / bestD);
    }
}
