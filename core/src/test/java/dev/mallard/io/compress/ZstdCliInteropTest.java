package dev.mallard.io.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks against the reference zstd command-line tool when it is installed (skipped otherwise;
 * the committed fixtures cover decoding without it): our frames must decode with it, and its
 * frames at every level must decode with us.
 */
class ZstdCliInteropTest {
    @TempDir
    Path dir;

    private static boolean haveCli() {
        try {
            return new ProcessBuilder("zstd", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), cmd + ": " + output);
    }

    @Test
    void referenceToolReadsOurFramesAndWeReadItsFrames() throws Exception {
        assumeTrue(haveCli(), "zstd command not installed");
        int i = 0;
        for (Map.Entry<String, byte[]> e : Inputs.all().entrySet()) {
            byte[] in = e.getValue();
            Path ours = dir.resolve("ours" + i + ".zst");
            Path back = dir.resolve("back" + i);
            Files.write(ours, Zstd.compress(in, 0, in.length));
            run(List.of("zstd", "-q", "-d", "-f", ours.toString(), "-o", back.toString()));
            assertArrayEquals(in, Files.readAllBytes(back), e.getKey());

            Path raw = dir.resolve("raw" + i);
            Path theirs = dir.resolve("theirs" + i + ".zst");
            Files.write(raw, in);
            int level = new int[] {-5, 1, 3, 6, 9, 15, 19}[i % 7];
            run(List.of("zstd", "-q", "-f", level < 0 ? "--fast=" + -level : "-" + level, raw.toString(), "-o", theirs.toString()));
            byte[] z = Files.readAllBytes(theirs);
            assertArrayEquals(in, Zstd.decompress(z, 0, z.length, -1), e.getKey() + " level " + level);
            i++;
        }
    }
}
