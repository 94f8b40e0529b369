package dev.mallard.io.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks against libsnappy through python's snappy module when it is installed (Debian's
 * python3-snappy; skipped otherwise, the committed fixtures cover decoding without it): the
 * reference decodes our blocks and we decode its blocks.
 */
class SnappyPythonInteropTest {
    private static final String PYTHON = "/usr/bin/python3";

    private static boolean haveModule() {
        try {
            return new ProcessBuilder(PYTHON, "-c", "import snappy").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static byte[] python(String op, byte[] input) throws Exception {
        Process p = new ProcessBuilder(PYTHON, "-c",
                "import sys, snappy; d = sys.stdin.buffer.read(); sys.stdout.buffer.write(snappy." + op + "(d))").start();
        Thread feeder = new Thread(() -> {
            try (OutputStream os = p.getOutputStream()) {
                os.write(input);
            } catch (IOException ignored) {
                // the process failed; its exit code tells
            }
        });
        feeder.start();
        byte[] out = p.getInputStream().readAllBytes();
        feeder.join();
        assertEquals(0, p.waitFor(), new String(p.getErrorStream().readAllBytes()));
        return out;
    }

    @Test
    void referenceReadsOurBlocksAndWeReadItsBlocks() throws Exception {
        assumeTrue(haveModule(), "python3 snappy module not installed");
        for (Map.Entry<String, byte[]> e : Inputs.all().entrySet()) {
            byte[] in = e.getValue();
            assertArrayEquals(in, python("decompress", Snappy.compress(in, 0, in.length)), e.getKey());
            byte[] theirs = python("compress", in);
            byte[] out = new byte[Snappy.uncompressedLength(theirs, 0, theirs.length)];
            Snappy.decompress(theirs, 0, theirs.length, out, 0);
            assertArrayEquals(in, out, e.getKey());
        }
    }
}
