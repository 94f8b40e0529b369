package dev.mallard.sqllogictest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * sqllogictest's result hash: the MD5 of every rendered value followed by a newline, written as
 * {@code N values hashing to <32 hex digits>}.
 */
public final class ResultHash {

    private static final Pattern HASH_LINE = Pattern.compile("\\d+ values hashing to [0-9a-z]{32}");

    private ResultHash() {}

    public static String of(List<String> values) {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
        for (String value : values) {
            md5.update(value.getBytes(StandardCharsets.UTF_8));
            md5.update((byte) '\n');
        }
        return values.size() + " values hashing to " + HexFormat.of().formatHex(md5.digest());
    }

    public static boolean isHashLine(String line) {
        return HASH_LINE.matcher(line).matches();
    }
}
