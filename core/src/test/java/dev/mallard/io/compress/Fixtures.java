package dev.mallard.io.compress;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Compressed files made by the reference tools (zstd 1.5 CLI, python-snappy on libsnappy), listed
 * in a manifest with the length and SHA-256 of the original, so the originals need not be kept.
 */
final class Fixtures {
    record Fixture(String name, byte[] compressed, int length, String sha256) {}

    private Fixtures() {}

    static List<Fixture> load(String dir) {
        List<Fixture> out = new ArrayList<>();
        for (String line : new String(resource(dir + "/manifest.txt"), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) continue;
            String[] f = line.trim().split(" ");
            out.add(new Fixture(f[0], resource(dir + "/" + f[0]), Integer.parseInt(f[1]), f[2]));
        }
        return out;
    }

    static byte[] resource(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/compress/" + path)) {
            if (in == null) throw new IllegalStateException("missing test resource compress/" + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
